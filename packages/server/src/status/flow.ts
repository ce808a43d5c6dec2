/**
 * The life of an application after it is sent: which statuses it may have and who may move it where, as
 * démarches-simplifiées' state machine per dossier. Every move is recorded (who, when, a note) by the store; this
 * module only says whether a move is allowed. An agency may give a form its own flow (server option `statusFlows`).
 */

/** Who moves an application: the caseworker deciding, or the citizen answering a request for more information. */
export type Actor = 'caseworker' | 'citizen';

export interface StatusFlow {
  /** The status a new application has. */
  readonly initial: string;
  /** For each status, the statuses it may move to and who may move it there. */
  readonly moves: Readonly<Record<string, readonly { readonly to: string; readonly by: Actor }[]>>;
  /** Statuses in which the citizen may change and resubmit the named steps (the request says which). */
  readonly reopens: readonly string[];
  /** Statuses after which nothing moves: the citizen is told the outcome. */
  readonly final: readonly string[];
  /**
   * What the citizen reads for each status of a flow of the agency's own, per language (`zh-Hant-TW`, `en`, `vi`,
   * `id`, `th`, `fil`, `ms`); `<formosa-status>` knows the default flow's labels in all seven. A status without a
   * label in the citizen's language is shown in the first language it has.
   */
  readonly labels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** The default: submitted → in review → more information requested ⇄ in review → approved / rejected. */
export const DEFAULT_FLOW: StatusFlow = {
  initial: 'submitted',
  moves: {
    submitted: [{ to: 'in_review', by: 'caseworker' }, { to: 'rejected', by: 'caseworker' }],
    in_review: [{ to: 'info_requested', by: 'caseworker' }, { to: 'approved', by: 'caseworker' }, { to: 'rejected', by: 'caseworker' }],
    info_requested: [{ to: 'in_review', by: 'citizen' }, { to: 'rejected', by: 'caseworker' }],
    approved: [],
    rejected: [],
  },
  reopens: ['info_requested'],
  final: ['approved', 'rejected'],
};

/** Whether `by` may move an application from `from` to `to` under `flow`. */
export function canMove(flow: StatusFlow, from: string, to: string, by: Actor): boolean {
  return (flow.moves[from] ?? []).some((move) => move.to === to && move.by === by);
}

/** A flow's mistakes, for the operator at start (an unknown status named, a final status that moves, no way out). */
export function flowProblems(flow: StatusFlow): string[] {
  const known = new Set(Object.keys(flow.moves));
  const problems: string[] = [];
  if (!known.has(flow.initial)) problems.push(`initial status "${flow.initial}" is not in moves`);
  for (const [from, moves] of Object.entries(flow.moves)) {
    for (const { to } of moves) if (!known.has(to)) problems.push(`"${from}" moves to "${to}", which is not in moves`);
    if (flow.final.includes(from) && moves.length) problems.push(`final status "${from}" moves on`);
    if (!flow.final.includes(from) && !moves.length) problems.push(`"${from}" is not final but nothing moves out of it`);
  }
  for (const status of [...flow.reopens, ...flow.final]) if (!known.has(status)) problems.push(`"${status}" is not in moves`);
  // A reopened application comes back when the citizen resubmits: the flow must say where to.
  for (const status of flow.reopens) if (known.has(status) && !flow.moves[status]!.some((m) => m.by === 'citizen')) problems.push(`"${status}" reopens steps but the citizen cannot move it anywhere`);
  for (const [status, texts] of Object.entries(flow.labels ?? {})) {
    if (!known.has(status)) problems.push(`a label is given for "${status}", which is not in moves`);
    if (!texts || typeof texts !== 'object' || !Object.values(texts).every((text) => typeof text === 'string' && text.length > 0 && text.length <= 100)) problems.push(`the labels of "${status}" must be texts of 1 to 100 characters by language`);
  }
  return problems;
}
