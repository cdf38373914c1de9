import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import shipped from '../../../resources/profiles/guizhou-hrss-2025.json';
import { loadDefaultProfile } from './default-profile';

/**
 * Traces the shipped profile back to the tender it was written from (../shared/seed/ beside the repo):
 * the budget table, the units, and every quoted clause.
 */
const TENDER = new URL('../../../../shared/seed/000_cd564e9c3d3a706f.txt', import.meta.url);
if (!existsSync(TENDER)) {
  throw new Error(
    `No tender at ${TENDER.pathname}: this test needs the shared folder beside the repository (README, "Test it").`,
  );
}
const tender = readFileSync(TENDER, 'utf8');
const profile = loadDefaultProfile();

/** The tender's lines are broken mid-sentence and spaced irregularly; compare without whitespace. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

interface BudgetRow {
  readonly id: number;
  readonly name: string;
  readonly budget: number;
}

/** Reads the tender's 资金分项报价表: "序号 运维子项名称 最高限价（万元）" rows up to "合计". */
function readBudgetTable(): { rows: BudgetRow[]; total: number } {
  const start = tender.indexOf('序号 运维子项名称 最高限价（万元）');
  const end = tender.indexOf('合计', start);
  expect(start).toBeGreaterThan(0);
  const tokens = tender.slice(start, end).split(/\s+/).slice(3).filter(Boolean);
  const rows: BudgetRow[] = [];
  let index = 0;
  while (index < tokens.length) {
    const id = Number(tokens[index]);
    expect(id).toBe(rows.length + 1);
    const nameParts: string[] = [];
    index += 1;
    while (index < tokens.length && !/^\d+\.\d+$|^\d+\.\d$/.test(tokens[index] ?? '')) {
      nameParts.push(tokens[index] ?? '');
      index += 1;
    }
    rows.push({ id, name: nameParts.join(''), budget: Number(tokens[index]) });
    index += 1;
  }
  const total = Number(/合计\s+(\d+\.\d+)/.exec(tender.slice(end))?.[1]);
  return { rows, total };
}

function collectClauses(value: unknown, path: string, into: { path: string; clause: string }[]): void {
  if (Array.isArray(value)) {
    value.forEach((element: unknown, index) => collectClauses(element, `${path}[${index}]`, into));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'string' && /clause$/i.test(key))
        into.push({ path: `${path}.${key}`, clause: child });
      else collectClauses(child, `${path}.${key}`, into);
    }
  }
}

describe('the shipped profile traced to the tender', () => {
  it("has each subsystem's name and budget exactly as the tender's budget table", () => {
    const { rows, total } = readBudgetTable();
    expect(rows).toHaveLength(13);
    expect(profile.subsystems.map(({ id, name, budget }) => ({ id, name, budget }))).toEqual(rows);
    expect(profile.contract.budgetTotal).toBe(total);
  });

  it('lists the 10 units of the document system as the tender does, in its order', () => {
    const squeezed = squeeze(tender);
    const units = profile.documentSystem?.units ?? [];
    expect(units).toHaveLength(10);
    const positions = units.map((unit) => {
      expect(unit.serviceItem.startsWith(unit.name)).toBe(true);
      const position = squeezed.indexOf(squeeze(unit.serviceItem));
      expect(position, unit.serviceItem).toBeGreaterThan(0);
      return position;
    });
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("refers each subsystem to the item of the tender's technical requirements that describes it", () => {
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三'];
    expect(profile.subsystems.map((subsystem) => subsystem.tenderItem).sort()).toEqual([...numerals].sort());
    const section = squeeze(
      tender.slice(tender.indexOf('三、采购内容及技术要求'), tender.indexOf('四、评分办法')),
    );
    for (const subsystem of profile.subsystems) {
      // Each item opens with its numeral and the subsystem's name, e.g. "十三贵州省人力资源社会保障网站群运维".
      expect(section, subsystem.name).toContain(`${subsystem.tenderItem ?? ''}${squeeze(subsystem.name)}`);
    }
  });

  it('quotes the tender word for word in every clause ("……" joins quoted fragments)', () => {
    const clauses: { path: string; clause: string }[] = [];
    collectClauses(shipped, '', clauses);
    expect(clauses.length).toBeGreaterThan(100);
    const squeezed = squeeze(tender);
    const missing = clauses.filter(({ clause }) =>
      clause.split('……').some((fragment) => !squeezed.includes(squeeze(fragment))),
    );
    expect(missing).toEqual([]);
  });

  it("sets the alarm threshold the tender asks for on every usage percentage, within 0–100 %, and says the number is the project team's", () => {
    // 设置预警阈值，当性能指标超过阈值时及时发出警报 / 是否在正常范围内: the tender asks for a threshold on
    // each usage reading but names no number, so the profile sets one and its note says who chose it.
    expect(squeeze(tender)).toContain('设置预警阈值，当性能指标超过阈值时及时发出警报');
    const usage = profile.subsystems.flatMap((subsystem) =>
      (subsystem.inspectionTemplates ?? []).flatMap((template) =>
        template.items.flatMap((item) =>
          item.kind === 'number' && item.unit === '%' ? [{ at: `${template.id}/${item.id}`, item }] : [],
        ),
      ),
    );
    expect(usage.map(({ item }) => item.label)).toEqual([
      'CPU 利用率',
      '内存使用率',
      'CPU 使用率',
      '内存占用率',
      '硬盘空间使用率',
      '表空间使用率',
    ]);
    for (const { at, item } of usage) {
      expect(item.max, at).toBeGreaterThan(0);
      expect(item.max, at).toBeLessThanOrEqual(100);
      expect(item.min ?? 0, at).toBeGreaterThanOrEqual(0);
      expect(item.note, at).toMatch(/项目组/);
      expect(item.note, at).toContain(`${String(item.max)}%`);
    }
  });
});
