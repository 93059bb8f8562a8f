import type { RequestType, Tier } from '@hotline/contracts';

/**
 * 分级 on receipt: consultations, suggestions and praise are simple (简单类); everything else
 * starts as general (一般类). Repeats and clusters raise it to difficult (疑难类) — see intake's
 * repeat detection, which calls this with the repeat count.
 */
export function classifyTier(requestType: RequestType, repeatCount = 0): Tier {
  if (repeatCount >= 2) return 'difficult';
  if (requestType === 'consultation' || requestType === 'suggestion' || requestType === 'praise') return 'simple';
  return 'general';
}
