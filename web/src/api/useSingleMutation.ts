// useMutation, but a call with the same variables as one still in flight is dropped: a double
// click saved a claim twice, or two cost-model versions. `disabled={isPending}` alone comes too
// late: react-query renders isPending after the event, and the second click is already queued.
import { type UseMutationOptions, type UseMutationResult, useMutation } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';

export function useSingleMutation<TData, TVariables>(options: UseMutationOptions<TData, Error, TVariables>): UseMutationResult<TData, Error, TVariables> {
  const inFlight = useRef(new Set<string>());
  const keyOf = (v: TVariables) => JSON.stringify(v) ?? '';
  const m = useMutation<TData, Error, TVariables>({
    ...options,
    // The mutation's own onSettled always runs (a call's own does not when a later call replaced it).
    onSettled: (...args) => {
      inFlight.current.delete(keyOf(args[2]));
      return options.onSettled?.(...args);
    },
  });
  const { mutate } = m;
  type Mutate = UseMutationResult<TData, Error, TVariables>['mutate'];
  const once = useCallback(
    (...args: Parameters<Mutate>) => {
      const key = keyOf(args[0] as TVariables);
      if (inFlight.current.has(key)) return;
      inFlight.current.add(key);
      mutate(...args);
    },
    [mutate],
  ) as Mutate;
  return { ...m, mutate: once } as UseMutationResult<TData, Error, TVariables>;
}
