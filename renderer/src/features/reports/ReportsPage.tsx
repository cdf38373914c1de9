import {
  FileExcelOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  FileZipOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import {
  type ReportDocument,
  type ReportRequest,
  buildLedgers,
  buildReport,
  periodLabel,
  reportAsOf,
  reportSubtitle,
} from '@core/reports';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Progress,
  Segmented,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { getHost } from '../../host/get-host';
import { useSlaRules, useStoredCalendar } from '../../store';
import { sessionScope, useSession } from '../session';
import { useNow } from '../today/use-now';
import {
  DOCUMENT_LABELS,
  type DocumentChoice,
  type PeriodChoice,
  type ReportChoice,
  halfYearOf,
  initialChoice,
  reportAccess,
  resolveChoice,
} from './report-choice';
import { ReportPreview } from './ReportPreview';
import { ReportRemarks } from './ReportRemarks';
import { type ReportWorkerClient, type WorkerProgress, startReportWorker } from './report-worker-client';
import { useReportRecords } from './use-report-records';
import './reports.css';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZIP_MIME = 'application/zip';
const PDF_MIME = 'application/pdf';
const MB = 1024 * 1024;

/** What the progress bar says: files of a package, or megabytes of the PDF's fonts being fetched. */
function progressText(progress: WorkerProgress): string {
  if (progress.stage === 'fonts') {
    if (progress.done >= progress.total) return '字体已就绪，正在排版';
    const mb = (bytes: number) => (bytes / MB).toFixed(1);
    return `下载 PDF 字体 ${mb(progress.done)} / ${mb(progress.total)} MB`;
  }
  return `${progress.done} / ${progress.total} 个文件`;
}

type Busy = null | { readonly what: string; readonly progress: WorkerProgress | null };

const PERIOD_KINDS: readonly { readonly value: PeriodChoice['kind']; readonly label: string }[] = [
  { value: 'month', label: '按月' },
  { value: 'half', label: '半年' },
  { value: 'range', label: '任意期间' },
];

/** Names keep Chinese but lose what Windows forbids in a file name. */
function fileName(stem: string, extension: string): string {
  return `${stem.replace(/[\\/:*?"<>|]/g, '_')}.${extension}`;
}

/**
 * 报表: the acceptance documents from this PC's records, offline. The user picks the document, the
 * period and the scope (what they may read); the page shows the document and saves it as .docx or the
 * ledger as .xlsx, or the document as a PDF with its fonts embedded (laid out by the server's code, the
 * fonts fetched once when the first PDF is asked for), all made in a worker so the page stays
 * responsive; or prints the preview. The lead also makes the half-year package.
 */
export function ReportsPage() {
  const { message } = App.useApp();
  const session = useSession();
  const { profile, calendar } = useSlaRules();
  const stored = useStoredCalendar();
  const now = useNow();
  const access = useMemo(() => reportAccess(sessionScope(session), profile), [session, profile]);
  const [choice, setChoice] = useState<ReportChoice>(() => initialChoice(access, Date.now()));
  const { records, error } = useReportRecords();
  const [busy, setBusy] = useState<Busy>(null);
  const [packagePdf, setPackagePdf] = useState(false);
  const worker = useRef<ReportWorkerClient | null>(null);
  useEffect(() => {
    const started = startReportWorker();
    worker.current = started;
    return () => {
      started.dispose();
      worker.current = null;
    };
  }, []);
  // Where the PDF's fonts are already here, the worker opens them and makes a throwaway PDF while the
  // user is choosing, so the first PDF asked for is not the engine's first pass over the code.
  useEffect(() => {
    worker.current?.preparePdf(profile);
  }, [profile]);

  const resolved = useMemo(() => resolveChoice(choice, access), [choice, access]);
  const isPackage = choice.document === 'package';
  const request = useMemo<ReportRequest | null>(() => {
    if (!resolved.ok || records === undefined) return null;
    return {
      // The package's preview is its first document: the whole contract's summary of the period.
      kind: choice.document === 'package' ? 'summary' : choice.document,
      period: resolved.period,
      scope: resolved.scope,
      profile,
      calendar,
      asOf: reportAsOf(resolved.period, now),
      records,
    };
  }, [resolved, records, choice.document, profile, calendar, now]);
  const built = useMemo<{ document: ReportDocument } | { failed: string } | null>(() => {
    if (request === null) return null;
    try {
      return { document: buildReport(request) };
    } catch (cause) {
      return { failed: cause instanceof Error ? cause.message : String(cause) };
    }
  }, [request]);
  const document = built !== null && 'document' in built ? built.document : null;

  async function run(what: string, work: (client: ReportWorkerClient) => Promise<void>) {
    const client = worker.current;
    if (client === null || busy !== null) return;
    setBusy({ what, progress: null });
    try {
      await work(client);
    } catch (cause) {
      message.error(`${what}失败：${cause instanceof Error ? cause.message : String(cause)}`);
    } finally {
      setBusy(null);
    }
  }

  async function save(suggestedName: string, mimeType: string, data: Uint8Array) {
    // A copy on an ArrayBuffer of its own, as the host's request type wants (no SharedArrayBuffer).
    const outcome = await getHost().saveFile({ suggestedName, mimeType, data: new Uint8Array(data) });
    if (outcome === 'saved') message.success(`已保存 ${suggestedName}`);
    else if (outcome === 'handed-to-browser') message.success(`已交给浏览器下载：${suggestedName}`);
  }

  const saveDocx = () =>
    run('生成 Word 文件', async (client) => {
      if (document === null) return;
      const bytes = await client.render({ kind: 'document', formats: ['docx'], document });
      await save(fileName(document.fileStem, 'docx'), DOCX_MIME, bytes);
    });

  const savePdf = () =>
    run('生成 PDF 文件', async (client) => {
      if (document === null) return;
      const bytes = await client.render({ kind: 'document', formats: ['pdf'], document }, (progress) =>
        setBusy({ what: '生成 PDF 文件', progress }),
      );
      await save(fileName(document.fileStem, 'pdf'), PDF_MIME, bytes);
    });

  const saveXlsx = () =>
    run('生成 Excel 台账', async (client) => {
      if (request === null) return;
      const ledgers = buildLedgers(request);
      const title = ledgers[0]?.title ?? '台账';
      const bytes = await client.render({ kind: 'ledgers', ledgers, subtitle: reportSubtitle(request) });
      await save(fileName(`${title}-${periodLabel(request.period)}`, 'xlsx'), XLSX_MIME, bytes);
    });

  const savePackage = () =>
    run('生成验收材料包', async (client) => {
      if (request === null || !resolved.ok) return;
      const bytes = await client.package(
        {
          period: resolved.period,
          profile,
          notices: stored.data?.notices ?? [],
          now,
          records: request.records,
          pdf: packagePdf,
        },
        (progress) => setBusy({ what: '生成验收材料包', progress }),
      );
      await save(fileName(`验收材料-${periodLabel(resolved.period)}`, 'zip'), ZIP_MIME, bytes);
    });

  const print = async () => {
    if (document === null) return;
    try {
      await getHost().printToPdf({ suggestedName: fileName(document.fileStem, 'pdf'), landscape: false });
    } catch (cause) {
      message.error(`打印失败：${cause instanceof Error ? cause.message : String(cause)}`);
    }
  };

  const setPeriodKind = (kind: PeriodChoice['kind']) => {
    const today = dayjs(now).format('YYYY-MM-DD');
    const period: PeriodChoice =
      kind === 'month'
        ? { kind, month: today.slice(0, 7) }
        : kind === 'half'
          ? { kind, ...halfYearOf(now) }
          : { kind, from: `${today.slice(0, 7)}-01`, to: today };
    setChoice({ ...choice, period });
  };

  const scopeValue = choice.scope.kind === 'whole' ? ['whole'] : choice.scope.ids.map(String);
  const scopeOptions = [
    ...(access.wholeContract ? [{ value: 'whole', label: '全部运维子项（整个合同）' }] : []),
    ...access.subsystems.map((subsystem) => ({
      value: String(subsystem.id),
      label: `${subsystem.id}. ${subsystem.name}`,
    })),
  ];
  const onScope = (values: string[]) => {
    // Choosing the whole contract replaces single subsystems, and a subsystem replaces the whole.
    const added = values.find((value) => !scopeValue.includes(value));
    if (added === 'whole') setChoice({ ...choice, scope: { kind: 'whole' } });
    else
      setChoice({
        ...choice,
        scope: { kind: 'subsystems', ids: values.filter((value) => value !== 'whole').map(Number) },
      });
  };

  // The engineers' remarks belong to a month's 运维月报 (core's remarkBlocks reads them there only).
  const remarksMonth =
    choice.document === 'monthly' && choice.period.kind === 'month' ? choice.period.month : null;
  const year = choice.period.kind === 'half' ? choice.period.year : dayjs(now).year();
  const ready = document !== null && busy === null;

  return (
    <section className="reports" aria-labelledby="reports-title">
      <header className="page-header reports__controls">
        <Typography.Title level={4} id="reports-title" className="page-header__title">
          报表
        </Typography.Title>
        <Typography.Text type="secondary">
          由本机记录生成验收文件，无需联网。可保存 Word、PDF（字体已嵌入，与服务器生成的版式相同）、Excel
          文件或打印预览；首次生成 PDF 时下载字体，此后离线也能生成。
        </Typography.Text>
      </header>
      <Card size="small" className="reports__controls">
        <div className="reports__form">
          <label className="reports__field">
            <span>文件</span>
            <Select
              aria-label="文件"
              data-testid="report-document"
              value={choice.document}
              style={{ width: 200 }}
              options={access.documents.map((value) => ({ value, label: DOCUMENT_LABELS[value] }))}
              onChange={(document: DocumentChoice) =>
                setChoice({
                  ...choice,
                  document,
                  period: document === 'package' ? { kind: 'half', ...halfYearOf(now) } : choice.period,
                })
              }
            />
          </label>
          <div className="reports__field">
            <span>期间</span>
            <Space wrap>
              <Segmented
                aria-label="期间类型"
                value={choice.period.kind}
                options={PERIOD_KINDS.map((kind) => ({ value: kind.value, label: kind.label }))}
                onChange={(kind) => setPeriodKind(kind as PeriodChoice['kind'])}
              />
              {choice.period.kind === 'month' && (
                <DatePicker
                  picker="month"
                  aria-label="月份"
                  allowClear={false}
                  value={dayjs(`${choice.period.month}-01`)}
                  onChange={(value) =>
                    value !== null &&
                    setChoice({ ...choice, period: { kind: 'month', month: value.format('YYYY-MM') } })
                  }
                />
              )}
              {choice.period.kind === 'half' && (
                <>
                  <Select
                    aria-label="年度"
                    value={year}
                    style={{ width: 100 }}
                    options={[year - 2, year - 1, year, year + 1].map((value) => ({
                      value,
                      label: `${value}年`,
                    }))}
                    onChange={(value: number) =>
                      choice.period.kind === 'half' &&
                      setChoice({ ...choice, period: { ...choice.period, year: value } })
                    }
                  />
                  <Segmented
                    aria-label="上下半年"
                    value={choice.period.half}
                    options={[
                      { value: 1, label: '上半年' },
                      { value: 2, label: '下半年' },
                    ]}
                    onChange={(half) =>
                      choice.period.kind === 'half' &&
                      setChoice({ ...choice, period: { ...choice.period, half: half as 1 | 2 } })
                    }
                  />
                </>
              )}
              {choice.period.kind === 'range' && (
                <DatePicker.RangePicker
                  aria-label="起止日期"
                  allowClear={false}
                  value={[dayjs(choice.period.from), dayjs(choice.period.to)]}
                  onChange={(_values, [from, to]) =>
                    from !== '' && to !== '' && setChoice({ ...choice, period: { kind: 'range', from, to } })
                  }
                />
              )}
            </Space>
          </div>
          {!isPackage && (
            <label className="reports__field">
              <span>范围</span>
              <Select
                mode="multiple"
                aria-label="范围"
                data-testid="report-scope"
                value={scopeValue}
                style={{ minWidth: 260 }}
                options={scopeOptions}
                placeholder="请选择运维子项"
                onChange={onScope}
              />
            </label>
          )}
        </div>
        <Space wrap className="reports__actions">
          {isPackage ? (
            <Button
              type="primary"
              icon={<FileZipOutlined />}
              disabled={!ready}
              onClick={savePackage}
              data-testid="report-save-zip"
            >
              生成验收材料包（.zip）
            </Button>
          ) : (
            <>
              <Button
                type="primary"
                icon={<FileWordOutlined />}
                disabled={!ready}
                onClick={saveDocx}
                data-testid="report-save-docx"
              >
                保存 Word（.docx）
              </Button>
              <Button
                icon={<FilePdfOutlined />}
                disabled={!ready}
                onClick={savePdf}
                data-testid="report-save-pdf"
              >
                保存 PDF（.pdf）
              </Button>
              <Button
                icon={<FileExcelOutlined />}
                disabled={!ready}
                onClick={saveXlsx}
                data-testid="report-save-xlsx"
              >
                保存台账（.xlsx）
              </Button>
              <Button icon={<PrinterOutlined />} disabled={!ready} onClick={print}>
                打印
              </Button>
            </>
          )}
        </Space>
        {isPackage && (
          <>
            <Checkbox
              checked={packagePdf}
              onChange={(event) => setPackagePdf(event.target.checked)}
              data-testid="report-package-pdf"
            >
              总结报告和月报同时附 PDF（与服务器生成的材料包相同；首次需下载字体）
            </Checkbox>
            <Typography.Paragraph type="secondary" className="reports__note">
              材料包含全部运维子项及每个运维子项的运维服务总结报告、各月运维月报、问题处理记录、巡检记录、值班记录（Word）和台账（Excel），以及目录。
            </Typography.Paragraph>
          </>
        )}
        {busy !== null && (
          <div className="reports__busy" role="status" aria-live="polite" data-testid="report-busy">
            <Typography.Text>{busy.what}中…</Typography.Text>
            {busy.progress === null ? (
              <Progress percent={100} status="active" showInfo={false} />
            ) : (
              <Progress
                percent={Math.floor((100 * busy.progress.done) / busy.progress.total)}
                status="active"
                format={() => (busy.progress === null ? '' : progressText(busy.progress))}
              />
            )}
          </div>
        )}
      </Card>
      {!resolved.ok && (
        <Alert type="warning" showIcon message={resolved.reason} className="reports__controls" />
      )}
      {error !== null && (
        <Alert
          type="error"
          showIcon
          message={`读取本机记录失败：${error.message}`}
          className="reports__controls"
        />
      )}
      {built !== null && 'failed' in built && (
        <Alert
          type="error"
          showIcon
          message={`无法生成文件：${built.failed}`}
          className="reports__controls"
        />
      )}
      {resolved.ok && records === undefined && error === null && <Skeleton active />}
      {document !== null &&
        (remarksMonth === null || !resolved.ok ? (
          <ReportPreview document={document} />
        ) : (
          <div className="reports__body">
            <div className="reports__preview">
              <ReportPreview document={document} />
            </div>
            <ReportRemarks month={remarksMonth} scope={resolved.scope} profile={profile} />
          </div>
        ))}
    </section>
  );
}
