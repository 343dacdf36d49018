// An import's AI rule may carry a regular expression from whoever uploads the file. V8's usual
// engine backtracks: `^(a+)+$` against 29 a's and a "!" held the server's one thread for 3.5 s,
// doubling with each character, and every workspace's requests waited. Patterns run on V8's
// linear-time engine instead (the `l` flag). It has no case-insensitive mode, so the pattern's
// letters and the agent are lower-cased (an escape such as \D or \S is kept as written), and it
// refuses backreferences and lookarounds, which matching an agent's name does not need.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--enable-experimental-regexp-engine');

/** Whether this runtime has the linear-time engine (V8 since 8.8; Node 20 has it). */
const LINEAR = (() => {
  try {
    new RegExp('a', 'l');
    return true;
  } catch {
    return false;
  }
})();

/** The pattern with its letters lower-cased, escapes (a backslash and the character after it) as written. */
export function lowerCasePattern(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\' && i + 1 < pattern.length) {
      out += pattern[i] + pattern[i + 1];
      i++;
    } else out += pattern[i].toLowerCase();
  }
  return out;
}

/** Why this pattern cannot be an AI rule, or null. */
export function aiPatternProblem(pattern: string): string | null {
  try {
    new RegExp(pattern);
  } catch {
    return `not a valid regular expression: ${pattern}`;
  }
  try {
    if (LINEAR) new RegExp(lowerCasePattern(pattern), 'l');
  } catch {
    return 'backreferences and lookarounds are not supported (patterns run in linear time, so no agent name can stall an import)';
  }
  return null;
}

/** A case-insensitive test of an agent id against the pattern, in time linear in the id's length. */
export function aiPatternTest(pattern: string): (agent: string) => boolean {
  if (!LINEAR) {
    const re = new RegExp(pattern, 'i');
    return (agent) => re.test(agent);
  }
  const re = new RegExp(lowerCasePattern(pattern), 'l');
  return (agent) => re.test(agent.toLowerCase());
}
