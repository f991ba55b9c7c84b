import { z } from 'zod';

/** A website the desk publishes to. The password is never part of it: it lives in the OS keychain or a private file. */
export const Site = z.object({
  id: z.number().int(),
  url: z.string(),
  username: z.string(),
  apiRoot: z.string(),
  siteName: z.string(),
  userName: z.string(),
  roles: z.array(z.string()),
  can: z.object({ publish: z.boolean(), upload: z.boolean(), createCategories: z.boolean() }),
  connectedAt: z.string(),
});
export type Site = z.infer<typeof Site>;
