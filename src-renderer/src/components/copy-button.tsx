import { useEffect, useState } from 'react';

/** Copies `text`; says "Copied" for a moment so the click visibly did something. */
export function CopyButton({ text, label = 'Copy', testId, className }: { text: string; label?: string; testId?: string; className?: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1200);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (insecure origin, permissions); the text stays selectable.
    }
  };
  return (
    <button type="button" className={className ? `quiet ${className}` : 'quiet'} onClick={copy} data-testid={testId} title={`Copy ${text.slice(0, 80)}`}>
      {copied ? 'Copied' : label}
    </button>
  );
}
