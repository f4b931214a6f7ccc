/** Tic-tac-toe rules and minimax (src/lib/games/tic-tac-toe.ts), as the "tic-tac-toe" widget uses them. */
import { describe, expect, it } from 'vitest';
import {
  LINES,
  alphaBeta,
  bestMove,
  emptyBoard,
  isOver,
  legalMoves,
  minimax,
  minimaxPlain,
  other,
  play,
  rowCol,
  scoreFor,
  toMove,
  treeChildren,
  winner,
  winningLine,
  type Board,
  type Cell,
  type Player,
} from '../../src/lib/games/tic-tac-toe';

/** A board from a picture: 'X', 'O' or '.' for each cell, row by row. */
const board = (picture: string): Cell[] =>
  [...picture.replace(/\s/g, '')].map((c) => (c === 'X' ? 'X' : c === 'O' ? 'O' : null));

/** Every position a game can reach, the empty board included, by its picture. */
function reachable(): Map<string, Cell[]> {
  const seen = new Map<string, Cell[]>();
  const visit = (b: Cell[]) => {
    const key = b.map((c) => c ?? '.').join('');
    if (seen.has(key)) return;
    seen.set(key, b);
    for (const m of legalMoves(b)) visit(play(b, m));
  };
  visit(emptyBoard());
  return seen;
}

describe('tic-tac-toe: the first move', () => {
  // Speed is not asserted here (timed tests flake on shared machines); the memo keeps it to a few ms.
  it('chooses the first move on an empty board, with both counts', () => {
    const result = minimax(emptyBoard());
    const pruned = alphaBeta(emptyBoard());
    expect(result.best).toBe(0);
    expect(pruned.examined).toBeLessThan(result.examined);
  });
});

describe('tic-tac-toe: rules', () => {
  it('has 8 lines, and detects a win on each of them for either player', () => {
    expect(LINES).toHaveLength(8);
    expect(new Set(LINES.map((l) => l.join())).size).toBe(8);
    for (const line of LINES) {
      for (const p of ['X', 'O'] as Player[]) {
        const b = emptyBoard();
        for (const i of line) b[i] = p;
        expect(winner(b)).toBe(p);
        expect(winningLine(b)).toEqual(line);
        expect(isOver(b)).toBe(true);
        expect(legalMoves(b)).toEqual([]);
        // Two of the three are not enough.
        b[line[1]] = null;
        expect(winner(b)).toBeNull();
      }
    }
  });

  it('sees no winner on an empty board, a mixed line or a full drawn board', () => {
    expect(winner(emptyBoard())).toBeNull();
    expect(winner(board('XXO ... ...'))).toBeNull();
    const drawn = board('XOX XOO OXX');
    expect(winner(drawn)).toBeNull();
    expect(isOver(drawn)).toBe(true);
    expect(legalMoves(drawn)).toEqual([]);
  });

  it('lists empty cells in reading order, and X moves first', () => {
    expect(legalMoves(emptyBoard())).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(legalMoves(board('X.. .O. ..X'))).toEqual([1, 2, 3, 5, 6, 7]);
    expect(toMove(emptyBoard())).toBe('X');
    expect(toMove(board('X.. ... ...'))).toBe('O');
    expect(toMove(board('X.. .O. ...'))).toBe('X');
    expect(other('X')).toBe('O');
  });

  it('plays a move without changing the board it was given, and refuses illegal moves', () => {
    const b = emptyBoard();
    const next = play(b, 4);
    expect(next[4]).toBe('X');
    expect(b[4]).toBeNull();
    expect(play(next, 0)[0]).toBe('O');
    expect(() => play(next, 4)).toThrow();
    expect(() => play(next, 9)).toThrow();
    expect(() => play(board('XXX OO. ...'), 8)).toThrow();
  });

  it('names cells by row and column from 1', () => {
    expect(rowCol(0)).toEqual({ row: 1, col: 1 });
    expect(rowCol(4)).toEqual({ row: 2, col: 2 });
    expect(rowCol(5)).toEqual({ row: 2, col: 3 });
    expect(rowCol(8)).toEqual({ row: 3, col: 3 });
  });
});

describe('tic-tac-toe: counting the game', () => {
  it('has 255,168 possible games: 131,184 won by X, 77,904 by O and 46,080 drawn', () => {
    const ends = { X: 0, O: 0, draw: 0 };
    const walk = (b: Cell[]) => {
      const moves = legalMoves(b);
      if (moves.length === 0) {
        ends[winner(b) ?? 'draw']++;
        return;
      }
      for (const m of moves) walk(play(b, m));
    };
    walk(emptyBoard());
    expect(ends.X + ends.O + ends.draw).toBe(255_168);
    expect(ends).toEqual({ X: 131_184, O: 77_904, draw: 46_080 });
  });

  it('has 5,478 reachable positions, the empty board included', () => {
    expect(reachable().size).toBe(5_478);
  });
});

describe('tic-tac-toe: minimax', () => {
  it('scores hand-checked positions', () => {
    // X wins in one move (top right): +1 for X, the quickest win, at the fifth mark.
    const xWinsNow = minimax(board('XX. OO. ...'));
    expect(xWinsNow).toMatchObject({ value: 1, score: 5, best: 2 });
    expect(xWinsNow.moves.find((m) => m.move === 2)).toMatchObject({ value: 1, score: 5 });
    // The empty board is a draw with perfect play.
    expect(minimax(emptyBoard())).toMatchObject({ value: 0, score: 0 });
    // O must block the top row; after that it is a draw.
    const mustBlock = minimax(board('XX. .O. ...'));
    expect(mustBlock).toMatchObject({ value: 0, best: 2 });
    expect(mustBlock.moves.filter((m) => m.value === 0).map((m) => m.move)).toEqual([2]);
    // X threatens both 6 and 8: O is lost whatever it does (O blocks one, X wins at the seventh mark).
    const forked = minimax(board('XOX .X. .O.'));
    expect(forked).toMatchObject({ value: -1, score: -3 });
    expect(forked.moves.every((m) => m.value === -1)).toBe(true);
    // After X in a corner, only the centre saves O.
    const corner = minimax(board('X.. ... ...'));
    expect(corner.best).toBe(4);
    expect(corner.moves.filter((m) => m.value === 0).map((m) => m.move)).toEqual([4]);
    // A finished game: nothing to choose, one position examined.
    expect(minimax(board('XXX OO. ...'))).toMatchObject({ value: -1, best: null, moves: [], examined: 1 });
    expect(scoreFor(board('XXX OO. ...'), 'X')).toBe(5);
  });

  it('prefers the quickest win over a slower one', () => {
    // X can win now on the top row (index 2), or set up a slower win elsewhere.
    const b = board('XX. O.. O..');
    const result = minimax(b);
    expect(result.best).toBe(2);
    const winning = result.moves.filter((m) => m.value === 1);
    const now = result.moves.find((m) => m.move === 2)!;
    expect(winning.length).toBeGreaterThan(1);
    expect(winning.every((m) => m.score <= now.score)).toBe(true);
    expect(winning.some((m) => m.score < now.score)).toBe(true);
  });

  it('breaks remaining ties by the lowest index', () => {
    // On the empty board every move draws: the first cell.
    expect(minimax(emptyBoard()).moves.every((m) => m.value === 0)).toBe(true);
    expect(bestMove(emptyBoard())).toBe(0);
  });

  it('counts the positions a plain minimax examines: the whole game tree from the empty board', () => {
    const plain = minimaxPlain(emptyBoard());
    expect(plain.examined).toBe(549_946);
    expect(minimax(emptyBoard()).examined).toBe(549_946);
    expect(plain).toMatchObject({ value: 0, best: 0 });
  });

  it('agrees with the plain, unmemoised minimax (score, move and count) on every reachable position', () => {
    let compared = 0;
    for (const b of reachable().values()) {
      if (b.every((c) => c === null)) continue; // checked above
      const fast = minimax(b);
      const plain = minimaxPlain(b);
      if (fast.score !== plain.score || fast.best !== plain.best || fast.examined !== plain.examined) {
        expect({ b, fast, plain }).toBeNull();
      }
      compared++;
    }
    expect(compared).toBe(5_477);
  });
});

describe('tic-tac-toe: alpha-beta pruning', () => {
  it('gives the same value and the same move as minimax on every reachable position, never examining more', () => {
    for (const b of reachable().values()) {
      const full = minimax(b);
      const pruned = alphaBeta(b);
      if (pruned.value !== full.value || pruned.best !== full.best || pruned.examined > full.examined) {
        expect({ b, full, pruned }).toBeNull();
      }
    }
  });

  it('examines far fewer positions than minimax from the empty board', () => {
    const pruned = alphaBeta(emptyBoard());
    expect(pruned).toMatchObject({ value: 0, best: 0 });
    expect(pruned.examined).toBeGreaterThan(1);
    expect(pruned.examined).toBeLessThan(549_946 / 10);
  });
});

describe('tic-tac-toe: the computer never loses', () => {
  for (const computer of ['O', 'X'] as Player[]) {
    it(`against every possible sequence of moves, when ${computer === 'O' ? 'the learner' : 'the computer'} starts`, () => {
      const results = { computer: 0, draw: 0, learner: 0 };
      const walk = (b: Cell[]) => {
        if (isOver(b)) {
          const w = winner(b);
          results[w === computer ? 'computer' : w ? 'learner' : 'draw']++;
          return;
        }
        if (toMove(b) === computer) {
          const m = bestMove(b);
          expect(m).not.toBeNull();
          walk(play(b, m!));
        } else for (const m of legalMoves(b)) walk(play(b, m));
      };
      walk(emptyBoard());
      expect(results.learner).toBe(0);
      expect(results.computer).toBeGreaterThan(0);
      expect(results.draw).toBeGreaterThan(0);
    });
  }

  it('takes a win when one is offered, and blocks a threat', () => {
    expect(bestMove(board('OO. XX. X..'))).toBe(2); // O to move: win now rather than block
    expect(bestMove(board('XX. .O. ...'))).toBe(2); // O blocks the top row
  });
});

describe('tic-tac-toe: the tree view', () => {
  it('lists every move with its value for the computer and marks the one minimax picks', () => {
    // The learner (X) took a corner; the computer (O) looks at 8 moves.
    const root: Board = board('X.. ... ...');
    const level1 = treeChildren(root, 'O');
    expect(level1.map((c) => c.move)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(level1.filter((c) => c.picked).map((c) => c.move)).toEqual([4]);
    expect(level1.find((c) => c.move === 4)).toMatchObject({ value: 0, mover: 'O', over: false });
    expect(level1.find((c) => c.move === 1)).toMatchObject({ value: -1 });
    expect(level1.find((c) => c.move === 4)!.board).toEqual(board('X.. .O. ...'));

    // Below a losing move for O, the learner's replies, still valued for the computer:
    // the learner's pick is the one worst for the computer.
    const level2 = treeChildren(level1.find((c) => c.move === 1)!.board, 'O');
    expect(level2.every((c) => c.mover === 'X')).toBe(true);
    const picked = level2.find((c) => c.picked)!;
    expect(picked.value).toBe(-1);
    expect(Math.min(...level2.map((c) => c.score))).toBe(picked.score);
  });

  it('marks finished games and has no children below them', () => {
    const children = treeChildren(board('OO. XX. X..'), 'O');
    const win = children.find((c) => c.move === 2)!;
    expect(win).toMatchObject({ over: true, value: 1, picked: true });
    expect(treeChildren(win.board, 'O')).toEqual([]);
  });
});
