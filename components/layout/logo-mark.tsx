/** The product's mark (the favicon's four squares: the four pillars), beside its name. Decorative. */
export function LogoMark({ className = "h-7 w-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={className}>
      <rect width="32" height="32" rx="7" fill="#174d8a" />
      <rect x="7" y="7" width="8" height="8" rx="2" fill="#ffffff" />
      <rect x="17" y="7" width="8" height="8" rx="2" fill="#d6e4f5" />
      <rect x="7" y="17" width="8" height="8" rx="2" fill="#d6e4f5" />
      <rect x="17" y="17" width="8" height="8" rx="2" fill="#ffffff" />
    </svg>
  );
}
