// Stable stand-in for Next's generated next-env.d.ts (git-ignored: `next dev` and `next build`
// rewrite it with paths into .next/), so `tsc` works on a clean clone before any build.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
