import { z } from 'zod';

/** A category as the site has it, for picking one in the section ↔ category table. */
export const SiteCategory = z.object({
  id: z.number().int(),
  name: z.string(),
  parent: z.number().int(),
});
export type SiteCategory = z.infer<typeof SiteCategory>;

/**
 * Where a section's articles go on one site. auto: the category named like the section (created
 * when missing); existing: a category the site has (by id, so renaming it on the web changes
 * nothing); create: a category of this name, created on the first publish.
 */
export const CategoryMappingMode = z.enum(['auto', 'existing', 'create']);
export type CategoryMappingMode = z.infer<typeof CategoryMappingMode>;

export const CategoryMapping = z.object({
  sectionId: z.number().int(),
  sectionName: z.string(),
  mode: CategoryMappingMode,
  categoryId: z.number().int().nullable(),
  categoryName: z.string(),
});
export type CategoryMapping = z.infer<typeof CategoryMapping>;

/** The article's SEO description: what the user wrote, or what publishing derives from the sapo. */
export const SeoDescription = z.object({
  /** As written in the panel; empty when the derived one is used. */
  description: z.string(),
  /** What the next publish sends. */
  effective: z.string(),
  derived: z.boolean(),
});
export type SeoDescription = z.infer<typeof SeoDescription>;
