// A lifecycle as data: the states, and for each action the states it may start from and where it
// leads. The server advances rows with it and the browser asks it which buttons to show, so the
// rules are written once (beside the statuses in the feature's schema.ts, which browser code imports).

export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
}

export interface StateMachine<S extends string, A extends string> {
  states: readonly S[];
  transitions: Readonly<Record<A, Transition<S>>>;
  /** The actions open from a status, in table order. */
  actionsFrom(status: S): A[];
  can(status: S, action: A): boolean;
  /** Where the action leads from `status`; undefined when the table has no such edge. */
  target(status: S, action: A): S | undefined;
}

export function stateMachine<const S extends string, const A extends string>(
  states: readonly S[],
  transitions: Record<A, Transition<S>>,
): StateMachine<S, A> {
  const actions = Object.keys(transitions) as A[];
  const can = (status: S, action: A) => transitions[action].from.includes(status);
  return {
    states,
    transitions,
    actionsFrom: (status) => actions.filter((action) => can(status, action)),
    can,
    target: (status, action) => (can(status, action) ? transitions[action].to : undefined),
  };
}
