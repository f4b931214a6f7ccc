import { expect, test, type Page } from '@playwright/test';
import { hydrateAll } from './helpers';

/**
 * WIDGET "tic-tac-toe" (src/widgets/tic-tac-toe), played with the keyboard
 * only: the computer answers with minimax (ties: quickest win, slowest loss,
 * then the first cell in reading order), so every game below is deterministic.
 */
const url = (lang: string) => `/${lang}/modules/solving-problems/games/`;
const MINUS = '\u2212';

async function open(page: Page, lang = 'en') {
  await page.goto(url(lang));
  await hydrateAll(page);
  const widget = page.locator('.w-tic-tac-toe');
  await expect(widget).toBeVisible();
  return widget;
}

test('tic-tac-toe: the learner starts, plays with the arrow keys and Enter, explores the tree and draws', async ({ page }) => {
  const w = await open(page);
  const status = w.getByRole('status');
  await expect(w.getByRole('heading', { level: 3 })).toHaveText('Play tic-tac-toe against minimax');
  await expect(status).toHaveText('You play X and start. Your turn.');
  await expect(w.getByRole('radio', { name: 'You (you play X)' })).toBeChecked();
  await expect(w.getByRole('button', { name: /: empty$/ })).toHaveCount(9);
  const tree = w.locator('.w-tic-tac-toe__tree');
  await expect(tree.getByRole('heading', { level: 4 })).toHaveText('What the computer looked at');
  await expect(tree).toContainText('After the computer’s first move, this panel shows every move it considered');

  // A corner: the computer must take the centre.
  await w.getByRole('button', { name: 'Row 1, column 1: empty', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('You played row 1, column 1. The computer played row 2, column 2 (the centre). Your turn.');
  await expect(w.getByRole('button', { name: 'Row 1, column 1: X (you)', exact: true })).toBeFocused();
  await expect(w.getByRole('button', { name: 'Row 2, column 2: O (computer)', exact: true })).toHaveText('O');

  // What the computer looked at: 8 moves, only the centre draws, and it is the chosen one.
  await expect(tree.getByTestId('examined')).toHaveText(
    'Minimax examined 59,705 positions to choose this move: every way the game could go on, to the end.',
  );
  const level1 = tree.locator('ul[data-level="1"] > li');
  await expect(level1).toHaveCount(8);
  await expect(level1.filter({ hasText: 'O in row 1, column 2' })).toContainText(`${MINUS}1: the computer loses`);
  const chosen = tree.locator('ul[data-level="1"] > li.is-picked');
  await expect(chosen).toHaveCount(1);
  await expect(chosen).toContainText('O in row 2, column 2 (the centre)');
  await expect(chosen).toContainText('0: draw');
  await expect(chosen).toContainText('Chosen move');
  await expect(chosen.getByRole('img').first()).toHaveAttribute('aria-label', 'Board. X: row 1, column 1. O: row 2, column 2.');

  // Tab leaves the board (one tab stop) for the alpha-beta toggle; Space turns it on.
  await page.keyboard.press('Tab');
  const toggle = w.getByRole('checkbox', { name: 'Compare with alpha-beta pruning' });
  await expect(toggle).toBeFocused();
  await expect(tree.getByTestId('pruned')).toHaveCount(0);
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();
  await expect(tree.getByTestId('pruned')).toContainText('With alpha-beta pruning: 2,788 positions, 95% less work, for the same move.');

  // Open the learner's replies below the chosen move, then close them again.
  const replies = chosen.getByRole('button', { name: 'Your replies' });
  await replies.focus();
  await expect(replies).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(replies).toHaveAttribute('aria-expanded', 'true');
  const level2 = chosen.locator('ul[data-level="2"] > li');
  await expect(level2).toHaveCount(7);
  await expect(chosen.locator('ul[data-level="2"]')).toBeVisible();
  await expect(chosen).toContainText('Your possible replies (you would take the lowest score for the computer):');
  await expect(level2.first()).toContainText('X in row 1, column 2');
  await expect(chosen.locator('ul[data-level="2"] > li.is-picked').first()).toContainText('Your best reply');
  // One level further: the computer's answers to a reply.
  const answers = level2.first().getByRole('button', { name: 'The computer’s answers' });
  await answers.focus();
  await page.keyboard.press('Space');
  await expect(answers).toHaveAttribute('aria-expanded', 'true');
  await expect(level2.first().locator('ul[data-level="3"] > li')).toHaveCount(6);
  await expect(level2.first().locator('ul[data-level="3"] > li.is-picked')).toContainText('The computer would pick this');
  await replies.focus();
  await page.keyboard.press('Space');
  await expect(replies).toHaveAttribute('aria-expanded', 'false');
  await expect(chosen.locator('ul[data-level="2"]')).toHaveCount(0);

  // Back to the board; the arrow keys move between cells.
  await w.getByRole('button', { name: 'Row 1, column 1: X (you)', exact: true }).focus();
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
  await expect(w.getByRole('button', { name: 'Row 3, column 3: empty', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('You played row 3, column 3. The computer played row 1, column 2. Your turn.');
  await expect(tree.getByTestId('examined')).toHaveText(
    'Minimax examined 1,053 positions to choose this move: every way the game could go on, to the end.',
  );
  // An occupied cell cannot be taken.
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('You played row 3, column 3. The computer played row 1, column 2. Your turn.');
  await expect(w.getByRole('button', { name: 'Row 3, column 3: X (you)', exact: true })).toHaveAttribute('aria-disabled', 'true');

  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('You played row 3, column 2. The computer played row 3, column 1. Your turn.');
  for (const key of ['ArrowUp', 'ArrowUp', 'ArrowRight']) await page.keyboard.press(key);
  await expect(w.getByRole('button', { name: 'Row 1, column 3: empty', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('You played row 1, column 3. The computer played row 2, column 3. Your turn.');
  for (const key of ['ArrowDown', 'ArrowLeft', 'ArrowLeft']) await page.keyboard.press(key);
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('You played row 2, column 1. Draw: nobody can win when both play perfectly.');
  await expect(w.locator('.w-tic-tac-toe__cell')).toHaveText(['X', 'O', 'X', 'X', 'O', 'O', 'O', 'X', 'X']);
  await expect(w.locator('.w-tic-tac-toe__cell[aria-disabled="true"]')).toHaveCount(9);
});

test('tic-tac-toe: the computer starts, wins when the learner blunders, and New game starts again', async ({ page }) => {
  const w = await open(page);
  const status = w.getByRole('status');
  const tree = w.locator('.w-tic-tac-toe__tree');

  // Arrow keys in the radio group choose who starts; the computer plays X at once.
  await w.getByRole('radio', { name: 'You (you play X)' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(w.getByRole('radio', { name: 'The computer (you play O)' })).toBeChecked();
  await expect(status).toHaveText('New game. The computer played row 1, column 1. You play O. Your turn.');
  await expect(w.getByRole('button', { name: 'Row 1, column 1: X (computer)', exact: true })).toHaveText('X');

  // From the empty board minimax examines the whole game tree; every first move is a draw.
  await expect(tree.getByTestId('examined')).toContainText('Minimax examined 549,946 positions');
  await expect(tree.locator('ul[data-level="1"] > li')).toHaveCount(9);
  await expect(tree.locator('ul[data-level="1"] > li').filter({ hasText: '0: draw' })).toHaveCount(9);
  await expect(tree.locator('ul[data-level="1"] > li.is-picked')).toContainText('X in row 1, column 1');
  await w.getByRole('checkbox', { name: 'Compare with alpha-beta pruning' }).focus();
  await page.keyboard.press('Space');
  await expect(tree.getByTestId('pruned')).toContainText('With alpha-beta pruning: 20,866 positions, 96% less work, for the same move.');

  // The centre, then a corner that leaves the top row open.
  await w.getByRole('button', { name: 'Row 1, column 1: X (computer)', exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('You played row 2, column 2 (the centre). The computer played row 1, column 2. Your turn.');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect(w.getByRole('button', { name: 'Row 3, column 3: empty', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('You played row 3, column 3. The computer played row 1, column 3. The computer won.');
  for (const col of [1, 2, 3]) {
    await expect(w.getByRole('button', { name: `Row 1, column ${col}: X (computer), winning line`, exact: true })).toBeVisible();
  }
  await expect(w.locator('.w-tic-tac-toe__cell[aria-disabled="true"]')).toHaveCount(9);
  // Its last move: the quickest of several wins, which ends the game.
  const chosen = tree.locator('ul[data-level="1"] > li.is-picked');
  await expect(chosen).toContainText('X in row 1, column 3');
  await expect(chosen).toContainText('+1: the computer wins');
  await expect(chosen).toContainText('game over');
  await expect(chosen.getByRole('button')).toHaveCount(0);
  await expect(tree.locator('ul[data-level="1"] > li').filter({ hasText: '+1: the computer wins' })).toHaveCount(3);

  // Shift+Tab from the board reaches New game.
  await page.keyboard.press('Shift+Tab');
  const again = w.getByRole('button', { name: 'New game' });
  await expect(again).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('New game. The computer played row 1, column 1. You play O. Your turn.');
  await expect(w.getByRole('button', { name: /: empty$/ })).toHaveCount(8);
  await expect(w.locator('.w-tic-tac-toe__cell[aria-disabled="true"]')).toHaveCount(1);
});

test('tic-tac-toe in French: translated labels, live text and numbers', async ({ page }) => {
  const w = await open(page, 'fr');
  const status = w.getByRole('status');
  await expect(w.getByRole('heading', { level: 3 })).toHaveText('Jouez au morpion contre minimax');
  await expect(status).toHaveText('Vous jouez X et vous commencez. À vous de jouer.');
  await expect(w.getByRole('radio', { name: 'L’ordinateur (vous jouez O)' })).not.toBeChecked();

  await w.getByRole('button', { name: /^Ligne 1, colonne 1\s*: vide$/ }).focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(
    'Vous avez joué en ligne 1, colonne 1. L’ordinateur a joué en ligne 2, colonne 2 (le centre). À vous de jouer.',
  );
  await expect(w.getByRole('button', { name: /^Ligne 2, colonne 2\s*: O \(ordinateur\)$/ })).toHaveText('O');
  const tree = w.locator('.w-tic-tac-toe__tree');
  await expect(tree.getByRole('heading', { level: 4 })).toHaveText('Ce que l’ordinateur a examiné');
  await expect(tree.getByTestId('examined')).toContainText(/Minimax a examiné 59\s705 positions pour choisir ce coup/);
  const chosen = tree.locator('ul[data-level="1"] > li.is-picked');
  await expect(chosen).toContainText('O en ligne 2, colonne 2 (le centre)');
  await expect(chosen).toContainText(/0\s*: match nul/);
  await expect(chosen).toContainText('Coup choisi');
  await expect(chosen.getByRole('button', { name: 'Vos réponses' })).toHaveAttribute('aria-expanded', 'false');
  await w.getByRole('checkbox', { name: 'Comparer avec l’élagage alpha-bêta' }).focus();
  await page.keyboard.press('Space');
  await expect(tree.getByTestId('pruned')).toContainText(/2\s788 positions, 95\s%\s?de travail en moins/);
});
