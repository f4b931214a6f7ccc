/**
 * The interactive widgets a lesson can place with <Widget name="…" />. A
 * widget is one folder under src/widgets/<name>/: its island, strings.json
 * (the same keys in nl, fr, de, en) and its CSS; its logic lives in a pure
 * module under src/lib/. Unlike a lab it trains no model and stores nothing.
 */
export const WIDGET_NAMES = ['route-search', 'tic-tac-toe', 'natural-frequencies', 'spam-filter'] as const;
export type WidgetName = (typeof WIDGET_NAMES)[number];
