/** Which flow each form follows: its own from the server option `statusFlows`, else `DEFAULT_FLOW`; checked at start. */
import { DEFAULT_FLOW, flowProblems, type StatusFlow } from './flow.js';

/**
 * The flow of each form, or an error listing every problem of the flows given (the server does not start with one).
 * @example
 * const flowOf = statusFlows({ 'rent-subsidy': myFlow }, forms.keys());
 */
export function statusFlows(flows: Readonly<Record<string, StatusFlow>> = {}, formIds: Iterable<string>): (formId: string) => StatusFlow {
  const known = new Set(formIds);
  const problems: string[] = [];
  for (const [formId, flow] of Object.entries(flows)) {
    if (!known.has(formId)) problems.push(`statusFlows: no form "${formId}" is served`);
    problems.push(...flowProblems(flow).map((problem) => `statusFlows["${formId}"]: ${problem}`));
  }
  if (problems.length) throw new Error(`The status flows have problems:\n${problems.join('\n')}`);
  return (formId) => flows[formId] ?? DEFAULT_FLOW;
}

/** Where a resubmission moves an application that reopened steps: the flow's move by the citizen from there. */
export const resubmittedTo = (flow: StatusFlow, from: string): string | undefined => flow.moves[from]?.find((move) => move.by === 'citizen')?.to;
