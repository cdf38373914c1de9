import type { InspectionItem } from './inspection-template';
import type { InspectionValue } from './inspection-run';

/**
 * - `missing`: a required item has no value;
 * - `failed`: marked abnormal (pass-fail false, an abnormal choice);
 * - `out_of_range`: a number outside [min, max];
 * - `invalid`: the value does not fit the item (a word where a number belongs, a percentage beyond
 *   0–100): refuse to save it.
 */
export type ItemEvaluation =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly kind: 'missing' | 'failed' | 'out_of_range' | 'invalid';
      readonly reason: string;
    };

const OK: ItemEvaluation = { ok: true };
const SHA256 = /^[0-9a-f]{64}$/;

/** Judges one value against its item; every refusal names the item and says what is wrong in Chinese. */
export function evaluateItem(item: InspectionItem, value: InspectionValue | undefined): ItemEvaluation {
  const name = `「${item.label}」`;
  if (value === null || value === undefined || value === '') {
    return item.required ? { ok: false, kind: 'missing', reason: `${name}为必填项，尚未填写` } : OK;
  }
  switch (item.kind) {
    case 'pass-fail':
      if (typeof value !== 'boolean') return invalid(`${name}应选择“正常”或“异常”`);
      return value ? OK : { ok: false, kind: 'failed', reason: `${name}检查结果为异常` };
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return invalid(`${name}应填写数值`);
      const reading = formatReading(value, item.unit);
      // Usage can neither be negative nor exceed the whole: 250% is a typo (or a per-core sum), not a reading.
      if (item.unit === '%' && (value < 0 || value > 100)) {
        return invalid(`${name}是百分比，应在 0%–100% 之间，不能是 ${reading}`);
      }
      if (item.min !== undefined && value < item.min) {
        return outOfRange(`${name}为 ${reading}，低于下限 ${formatReading(item.min, item.unit)}`);
      }
      if (item.max !== undefined && value > item.max) {
        return outOfRange(`${name}为 ${reading}，高于上限 ${formatReading(item.max, item.unit)}`);
      }
      return OK;
    }
    case 'text':
      return typeof value === 'string' ? OK : invalid(`${name}应填写文字`);
    case 'choice':
      if (typeof value !== 'string' || !item.options.includes(value)) {
        return invalid(`${name}应从 ${item.options.map((option) => `“${option}”`).join('、')} 中选择`);
      }
      return item.abnormalOptions.includes(value)
        ? { ok: false, kind: 'failed', reason: `${name}结果为“${value}”` }
        : OK;
    case 'photo':
      return typeof value === 'string' && SHA256.test(value) ? OK : invalid(`${name}应上传照片`);
  }
}

/** “92%”, “37.5℃” but “500 GB”, “3 个”: symbols hug the number, words get a space. */
export function formatReading(value: number, unit: string): string {
  if (unit === '') return String(value);
  return /^[%‰℃°]/.test(unit) ? `${value}${unit}` : `${value} ${unit}`;
}

function invalid(reason: string): ItemEvaluation {
  return { ok: false, kind: 'invalid', reason };
}

function outOfRange(reason: string): ItemEvaluation {
  return { ok: false, kind: 'out_of_range', reason };
}
