import { useState } from 'react';

export function SignIn({ onToken, problem }: { onToken: (t: string) => void; problem?: string }) {
  const [value, setValue] = useState('');
  return (
    <main className="signin">
      <h1>Claimcheck</h1>
      <p>What the AI in your support really saves. Sign in with an access token.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) onToken(value.trim());
        }}
      >
        <label>
          Access token
          <input type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
        </label>
        <button type="submit">Sign in</button>
      </form>
      {problem && (
        <p className="state state-error" role="alert">
          {problem}
        </p>
      )}
      <p className="hint">
        Running locally? The server printed an admin token at start-up; it is also in <code>.data/admin-token</code>.
      </p>
    </main>
  );
}
