import { z } from 'zod';
import { codeableConcept, dateTime, id, period, reference } from './elements';
import { defineMapper } from './mapper';
import { coded, orNull, type CodedColumns } from './values';
import type { RowOf } from '../tables';

// US Core tags every plan "assess-plan"; the category that says what the plan is about comes after it.
const US_CORE_CATEGORY = 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category';

const activity = z.object({
  reference: reference.optional(),
  detail: z
    .object({
      code: codeableConcept.optional(),
      status: z.string().optional(),
      description: z.string().optional(),
      scheduledPeriod: period.optional(),
    })
    .optional(),
});

const planSchema = z.object({
  id,
  status: z.string().optional(),
  title: z.string().optional(),
  category: z.array(codeableConcept).optional(),
  subject: reference.optional(),
  period: period.optional(),
  activity: z.array(activity).optional(),
});

const goalSchema = z.object({
  id,
  lifecycleStatus: z.string().optional(),
  description: codeableConcept.optional(),
  subject: reference.optional(),
  startDate: dateTime.optional(),
  target: z.array(z.object({ dueDate: dateTime.optional() })).optional(),
});

function planCode(categories: Array<z.infer<typeof codeableConcept>>): CodedColumns {
  const specific = categories.find((c) => !c.coding?.some((k) => k.system === US_CORE_CATEGORY));
  return coded(specific ?? categories[0]);
}

/**
 * CarePlan -> care_plan_items: the plan (kind 'plan', with the resource) and
 * one 'activity' row per activity, id "<plan id>#<index>", each with its own
 * status and dates.
 */
export const carePlanMapper = defineMapper({
  table: 'care_plan_items',
  patientElement: 'subject',
  schema: planSchema,
  toRows(plan, context) {
    const code = planCode(plan.category ?? []);
    const children = (plan.activity ?? []).map(
      (item, index): RowOf<'care_plan_items'> => ({
        id: `${plan.id}#${index}`,
        patient_id: context.patientId,
        plan_id: plan.id,
        kind: 'activity',
        status: orNull(item.detail?.status),
        ...coded(item.detail?.code),
        display: item.detail?.code?.text ?? item.detail?.code?.coding?.[0]?.display ?? item.detail?.description ?? item.reference?.display ?? null,
        start_at: orNull(item.detail?.scheduledPeriod?.start),
        end_at: orNull(item.detail?.scheduledPeriod?.end),
        due_at: null,
      }),
    );
    return {
      main: {
        id: plan.id,
        patient_id: context.patientId,
        plan_id: null,
        kind: 'plan',
        status: orNull(plan.status),
        ...code,
        display: plan.title ?? code.display,
        start_at: orNull(plan.period?.start),
        end_at: orNull(plan.period?.end),
        due_at: null,
      },
      children,
    };
  },
});

/** Goal -> care_plan_items, kind 'goal', due at its first target's due date. */
export const goalMapper = defineMapper({
  table: 'care_plan_items',
  patientElement: 'subject',
  schema: goalSchema,
  toRows(goal, context) {
    return {
      main: {
        id: goal.id,
        patient_id: context.patientId,
        plan_id: null,
        kind: 'goal',
        status: orNull(goal.lifecycleStatus),
        ...coded(goal.description),
        start_at: orNull(goal.startDate),
        end_at: null,
        due_at: orNull(goal.target?.[0]?.dueDate),
      },
    };
  },
});
