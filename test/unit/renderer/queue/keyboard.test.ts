import { describe, expect, it } from 'vitest';
import { moveSelection, queueKeyAction } from '../../../../src/renderer/queue/keyboard';

const list = { inField: false };
const field = { inField: true };

describe('queue keys', () => {
  it('moves with j/k and the arrows, also on the Russian layout', () => {
    expect(queueKeyAction('j', list)).toBe('next');
    expect(queueKeyAction('ArrowDown', list)).toBe('next');
    expect(queueKeyAction('о', list)).toBe('next');
    expect(queueKeyAction('k', list)).toBe('prev');
    expect(queueKeyAction('ArrowUp', list)).toBe('prev');
    expect(queueKeyAction('л', list)).toBe('prev');
  });

  it('opens with Enter, searches with /, clears with Esc', () => {
    expect(queueKeyAction('Enter', list)).toBe('open');
    expect(queueKeyAction('/', list)).toBe('search');
    expect(queueKeyAction('Escape', list)).toBe('clear');
  });

  it('leaves the keys of a field, and keys with modifiers, alone', () => {
    expect(queueKeyAction('j', field)).toBeNull();
    expect(queueKeyAction('Enter', field)).toBeNull();
    expect(queueKeyAction('j', list, { ctrl: true, alt: false, meta: false })).toBeNull();
    expect(queueKeyAction('x', list)).toBeNull();
  });

  it('keeps the selection within the list', () => {
    expect(moveSelection('next', null, 10, 5)).toBe(0);
    expect(moveSelection('prev', null, 10, 5)).toBe(0);
    expect(moveSelection('next', 9, 10, 5)).toBe(9);
    expect(moveSelection('prev', 0, 10, 5)).toBe(0);
    expect(moveSelection('page-down', 7, 10, 5)).toBe(9);
    expect(moveSelection('page-up', 3, 10, 5)).toBe(0);
    expect(moveSelection('last', 2, 10, 5)).toBe(9);
    expect(moveSelection('first', 8, 10, 5)).toBe(0);
    expect(moveSelection('next', null, 0, 5)).toBeNull();
  });
});
