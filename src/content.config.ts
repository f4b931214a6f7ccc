/**
 * The content model: modules and their sections, in every language, under
 * content/modules/<lang>/<module>/. See content/AUTHORING.md.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { exerciseSchema } from './lib/exercises/schema';
import { AI4K12_IDEAS, DIGCOMP_COMPETENCES } from './lib/content/competences';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const text = z.string().trim().min(1);

const sections = defineCollection({
  loader: glob({ pattern: '*/*/*.mdx', base: './content/modules' }),
  schema: z
    .object({
      module: slug,
      section: slug,
      order: z.number().int().min(1),
      title: text,
      summary: text,
      minutes: z.number().int().min(5).max(180),
      competences: z.object({
        ai4k12: z.array(z.enum(AI4K12_IDEAS)).min(1),
        digcomp: z.array(z.enum(DIGCOMP_COMPETENCES)).default([]),
        aiAct4: z.boolean().default(false),
      }),
      sources: z.array(text).default([]),
      exercises: z.array(exerciseSchema).min(1, 'every section ends with at least one graded exercise'),
    })
    .refine((s) => new Set(s.exercises.map((e) => e.id)).size === s.exercises.length, {
      message: 'exercise ids must be unique',
    }),
});

const modules = defineCollection({
  loader: glob({ pattern: '*/*/module.yaml', base: './content/modules' }),
  schema: z.object({
    id: slug,
    order: z.number().int().min(1),
    title: text,
    summary: text,
    outcomes: z.array(text).min(1),
  }),
});

/** The teacher's guide, one per language (content/teach/<lang>/guide.mdx). */
const teach = defineCollection({
  loader: glob({ pattern: '*/guide.mdx', base: './content/teach' }),
  schema: z.object({ title: text, description: text }),
});

export const collections = { sections, modules, teach };
