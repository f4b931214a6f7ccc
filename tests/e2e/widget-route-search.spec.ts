import { expect, test, type Page } from '@playwright/test';
import { hydrateAll, sectionUrl } from './helpers';

/**
 * WIDGET "Route search" (Module 2, search and planning), operated with the
 * keyboard only: breadth-first search and A* step by step, Play and Pause,
 * a blocked road, the comparison table, and a translated page.
 */
const urlOf = (lang: string) => sectionUrl(lang, 'search-and-planning', 'solving-problems');

async function openWidget(page: Page, lang = 'en') {
  await page.goto(urlOf(lang));
  await hydrateAll(page);
  const widget = page.locator('.w-route-search');
  await widget.scrollIntoViewIfNeeded();
  return widget;
}

test('route search: step through breadth-first search, pause Play, block a road and compare with A*, by keyboard', async ({ page }) => {
  const w = await openWidget(page);
  const status = w.getByTestId('route-status');
  const map = w.locator('.rs-map > svg'); // (the legend below it repeats the marks)
  await expect(w.getByRole('heading', { name: 'Route search: across Belgium by motorway' })).toBeVisible();
  await expect(w.getByRole('combobox', { name: 'Start', exact: true })).toHaveValue('ostend');
  await expect(w.getByRole('combobox', { name: 'Goal', exact: true })).toHaveValue('arlon');
  await expect(w.getByRole('radio', { name: 'Breadth-first search' })).toBeChecked();
  await expect(status).toHaveText('Ready: breadth-first search will look for a route from Ostend to Arlon. Press Step or Play.');

  // Step by step with Enter and Space.
  await w.getByRole('button', { name: 'Step', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('Step 1: breadth-first search takes Ostend from the waiting list. Visited: Ostend. On the waiting list: Bruges.');
  await page.keyboard.press('Space');
  await expect(status).toHaveText('Step 2: breadth-first search takes Bruges from the waiting list. Visited: Ostend, Bruges. On the waiting list: Ghent, Kortrijk.');
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(
    'Step 3: breadth-first search takes Ghent from the waiting list. Visited: Ostend, Bruges, Ghent. On the waiting list: Kortrijk, Antwerp, Brussels.',
  );
  // The map shows the same: two cities visited, one being visited, three waiting.
  await expect(map.locator('.rs-city.is-visited')).toHaveCount(2);
  await expect(map.locator('.rs-city.is-current')).toHaveCount(1);
  await expect(map.locator('.rs-city.is-frontier')).toHaveCount(3);

  // Play, then Pause: the search stops where it is.
  await page.keyboard.press('Tab');
  await expect(w.getByRole('button', { name: 'Play' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(w.getByRole('button', { name: 'Pause' })).toBeFocused();
  await expect(status).toContainText('Step 5: breadth-first search takes');
  await page.keyboard.press('Enter');
  await expect(w.getByRole('button', { name: 'Play' })).toBeFocused();
  const paused = await status.textContent();
  await page.waitForTimeout(1300);
  await expect(status).toHaveText(paused ?? '');

  // Block Ghent – Brussels (E40), the third road in the list: the search starts again.
  await w.getByRole('combobox', { name: 'Road', exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(w.getByRole('combobox', { name: 'Road', exact: true })).toHaveValue('ghent-brussels');
  await page.keyboard.press('Tab');
  await expect(w.getByRole('button', { name: 'Block this road' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(w.getByRole('button', { name: 'Open this road' })).toBeFocused();
  await expect(status).toHaveText(
    'Ghent – Brussels (E40) is blocked. The search starts again. Ready: breadth-first search will look for a route from Ostend to Arlon. Press Step or Play.',
  );
  await expect(map.locator('.rs-road.is-blocked')).toHaveCount(1);
  await expect(map.locator('.rs-road.is-blocked')).toHaveAttribute('data-road', 'ghent-brussels');
  await expect(w.getByText('Blocked: Ghent – Brussels (E40).')).toBeVisible();
  await expect(w.locator('option[value="ghent-brussels"]')).toHaveText('Ghent – Brussels (E40), 51 km: blocked');

  // Breadth-first search to the end: fewest roads.
  await w.getByRole('button', { name: 'Play' }).focus();
  await page.keyboard.press('Enter');
  await expect(status).toContainText('Route found: Ostend → Bruges → Kortrijk → Tournai → Brussels → Namur → Arlon: 6 roads, 332 km, 17 cities visited.', {
    timeout: 20_000,
  });
  await expect(w.getByRole('button', { name: 'Step', exact: true })).toHaveAttribute('aria-disabled', 'true');
  await expect(w.locator('.rs-route li')).toHaveText([
    'Ostend',
    'Bruges: +21 km via the E40',
    'Kortrijk: +43 km via the E403',
    'Tournai: +27 km via the E403',
    'Brussels: +74 km via the A8',
    'Namur: +56 km via the E411',
    'Arlon: +111 km via the E411',
  ]);
  await expect(map.locator('.rs-road.is-route')).toHaveCount(6);
  await expect(w.locator('.rs-compare tr[data-method="bfs"] td')).toHaveText(['17', '6', '332 km']);
  await expect(w.locator('.rs-compare tr[data-method="astar"] td')).toHaveText(['not run yet']);

  // Switch to A* with the arrow keys in the radio group.
  await w.getByRole('radio', { name: 'Breadth-first search' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(w.getByRole('radio', { name: 'A* search' })).toBeChecked();
  await expect(status).toHaveText('Ready: A* search will look for a route from Ostend to Arlon. Press Step or Play.');
  await expect(w.getByText('For A* search, each city on the waiting list shows: km driven so far + straight-line km to the goal = estimated total.')).toBeVisible();

  await w.getByRole('button', { name: 'Step', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(
    'Step 2: A* search takes Bruges from the waiting list: the city on it with the lowest estimated total. Visited: Ostend, Bruges. On the waiting list: Ghent (60 + 213 = 273 km), Kortrijk (64 + 221 = 285 km).',
  );
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(status).toContainText(
    'Route found: Ostend → Bruges → Kortrijk → Tournai → Mons → Charleroi → Namur → Arlon: 7 roads, 312 km, 11 cities visited.',
    { timeout: 20_000 },
  );
  // The table keeps both: BFS has fewer roads, A* fewer km and fewer cities visited.
  await expect(w.locator('.rs-compare tr[data-method="bfs"] td')).toHaveText(['17', '6', '332 km']);
  await expect(w.locator('.rs-compare tr[data-method="astar"] td')).toHaveText(['11', '7', '312 km']);
});

test('route search with reduced motion: Play jumps to the end; a city cut off has no route; a new goal by keyboard', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const w = await openWidget(page);
  const status = w.getByTestId('route-status');
  const map = w.locator('.rs-map > svg');
  await expect(w.getByRole('button', { name: 'Play' })).toHaveCount(0);
  const toEnd = w.getByRole('button', { name: 'Show the end' });

  // Ostend has a single road: blocking it cuts Ostend off.
  await w.getByRole('combobox', { name: 'Road', exact: true }).focus();
  await expect(w.getByRole('combobox', { name: 'Road', exact: true })).toHaveValue('ostend-bruges');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(w.getByRole('button', { name: 'Open this road' })).toBeFocused();
  await toEnd.focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(
    'Step 1: breadth-first search takes Ostend from the waiting list. No route: Arlon cannot be reached from Ostend with these roads blocked (1 city visited).',
  );
  await expect(w.locator('.rs-compare tr[data-method="bfs"] td')).toHaveText(['1', 'no route']);
  await expect(w.locator('.rs-route')).toHaveCount(0);

  // Open it again.
  await w.getByRole('button', { name: 'Open this road' }).focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(
    'Ostend – Bruges (E40) is open again. The search starts again. Ready: breadth-first search will look for a route from Ostend to Arlon. Press Step or Play.',
  );
  await expect(map.locator('.rs-road.is-blocked')).toHaveCount(0);
  await expect(w.getByText('All roads are open.')).toBeVisible();

  // A new goal with the arrow keys: the goal list is alphabetical (Arlon, Bastogne, Bruges, Brussels, Charleroi, Eupen…).
  const goal = w.getByRole('combobox', { name: 'Goal', exact: true });
  await goal.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await expect(goal).toHaveValue('eupen');
  await expect(status).toHaveText('Ready: breadth-first search will look for a route from Ostend to Eupen. Press Step or Play.');
  await toEnd.focus();
  await page.keyboard.press('Enter');
  await expect(status).toContainText('Route found: Ostend → Bruges → Ghent → Antwerp → Hasselt → Liège → Eupen: 6 roads, 256 km, 17 cities visited.');

  await w.getByRole('radio', { name: 'Breadth-first search' }).focus();
  await page.keyboard.press('ArrowDown');
  await toEnd.focus();
  await page.keyboard.press('Space');
  await expect(status).toContainText('Route found: Ostend → Bruges → Ghent → Brussels → Leuven → Liège → Eupen: 6 roads, 237 km, 7 cities visited.');
  await expect(w.locator('.rs-compare caption')).toHaveText('Last run of each method from Ostend to Eupen');
  await expect(w.locator('.rs-compare tr[data-method="bfs"] td')).toHaveText(['17', '6', '256 km']);
  await expect(w.locator('.rs-compare tr[data-method="astar"] td')).toHaveText(['7', '6', '237 km']);

  // Reset goes back to the start of the same search.
  await w.getByRole('button', { name: 'Reset' }).focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('Ready: A* search will look for a route from Ostend to Eupen. Press Step or Play.');
  await expect(map.locator('.rs-city.is-visited')).toHaveCount(0);
});

test('route search in French: translated names and descriptions', async ({ page }) => {
  // The search code loads when the learner reaches the widget; on a slow line
  // every press of Step made before it arrives must still count.
  await page.route('**/_astro/route-search.*.js', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  const w = await openWidget(page, 'fr');
  const status = w.getByTestId('route-status');
  await expect(w.getByRole('heading', { name: 'Recherche d’itinéraire\u202f: à travers la Belgique par l’autoroute' })).toBeVisible();
  await expect(status).toHaveText(
    'Prêt\u202f: la recherche en largeur va chercher un itinéraire. Départ\u202f: Ostende, but\u202f: Arlon. Appuyez sur Étape ou Lecture.',
  );
  await expect(w.getByRole('combobox', { name: 'Départ', exact: true })).toHaveValue('ostend');
  await expect(w.getByRole('radio', { name: 'Recherche en largeur' })).toBeChecked();

  await w.getByRole('button', { name: 'Étape', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(
    'Étape 3\u202f: la recherche en largeur prend Gand en tête de la file d’attente. Visitées\u202f: Ostende, Bruges, Gand. Dans la file d’attente\u202f: Courtrai, Anvers, Bruxelles.',
  );
  await expect(w.locator('option[value="ghent-brussels"]').first()).toHaveText('Gand – Bruxelles (E40), 51 km');
  await expect(w.getByRole('button', { name: 'Fermer ce tronçon' })).toBeVisible();
  await expect(w.locator('.rs-compare tr[data-method="bfs"] td')).toHaveText(['pas encore lancée']);
  await expect(w.getByRole('img', { name: /^Carte de 17 villes belges/ })).toBeVisible();
});
