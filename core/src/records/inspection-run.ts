import { z } from 'zod';
import { instantSchema, recordEnvelopeShape, userIdSchema } from './record-envelope';
import { recordIdSchema } from './record-id';
import { slugSchema } from './inspection-template';
import { sha256Schema } from './ticket';

/** A result's value: pass-fail → boolean, number → number, text/choice → string, photo → its SHA-256. */
export const inspectionValueSchema = z.union(
  [z.boolean(), z.number().finite(), z.string().max(10_000), z.null()],
  {
    error: '检查结果应为是/否、数值、文字或空',
  },
);
export type InspectionValue = z.infer<typeof inspectionValueSchema>;

export const inspectionResultSchema = z.strictObject({
  itemId: slugSchema,
  value: inspectionValueSchema,
  /** As `evaluateItem` judged the value against the template version of the run. */
  ok: z.boolean(),
  note: z.string().trim().max(2_000, { error: '备注不能超过 2000 个字符' }),
  /** A photo taken as evidence for any item (a photo item's own photo is its value). */
  photoSha256: sha256Schema.nullable(),
  /** The ticket this result opened, linking back to the ticket's `inspectionLink`. */
  ticketId: recordIdSchema.nullable(),
});
export type InspectionResult = z.infer<typeof inspectionResultSchema>;

/** `YYYY-MM-DD` for a daily slot, `YYYY-MM` for a monthly one (see inspection-schedule.ts). */
export const slotKeySchema = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: '应检时段应为 YYYY-MM-DD（每日）或 YYYY-MM（每月）' });

export const inspectionRunSchema = z
  .strictObject({
    ...recordEnvelopeShape,
    templateId: slugSchema,
    templateVersion: z.number().int().min(1, { error: '模板版本号应为正整数' }),
    /** The due slot this run fulfils; null for a run of an unscheduled (定期) template. */
    scheduledFor: slotKeySchema.nullable(),
    startedAt: instantSchema,
    finishedAt: instantSchema.nullable(),
    inspector: userIdSchema,
    results: z.array(inspectionResultSchema).max(200, { error: '检查结果不能超过 200 项' }),
  })
  .superRefine((run, context) => {
    if (run.finishedAt !== null && run.finishedAt < run.startedAt) {
      context.addIssue({ code: 'custom', path: ['finishedAt'], message: '完成时间不能早于开始时间' });
    }
    const seen = new Set<string>();
    run.results.forEach((result, index) => {
      if (seen.has(result.itemId)) {
        context.addIssue({
          code: 'custom',
          path: ['results', index, 'itemId'],
          message: `检查项 "${result.itemId}" 的结果重复`,
        });
      }
      seen.add(result.itemId);
    });
  });
export type InspectionRun = z.infer<typeof inspectionRunSchema>;
