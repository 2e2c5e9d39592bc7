import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';

describe('AppError.detail', () => {
  it.each([
    [
      'line 4: expected 2 fields but found 3',
      'Quote any field that holds a comma.',
      'line 4: expected 2 fields but found 3. Quote any field that holds a comma.',
      'a message with no final punctuation gets a full stop before the action',
    ],
    [
      'The file is empty.',
      'Choose a file with a header row.',
      'The file is empty. Choose a file with a header row.',
      'a message that ends in a full stop is joined with a space',
    ],
    ['Nothing found!', 'Try again.', 'Nothing found! Try again.', 'an exclamation mark ends a sentence'],
    [
      'Is this a CSV file?',
      'Save it as CSV.',
      'Is this a CSV file? Save it as CSV.',
      'so does a question mark',
    ],
    [
      'Problems at line 3:',
      'fix the quote.',
      'Problems at line 3: fix the quote.',
      'a colon already leads into the action',
    ],
    [
      'line 2: bad row  ',
      'Fix it.',
      'line 2: bad row. Fix it.',
      'trailing space in the message does not hide the missing stop',
    ],
  ])('%j + %j → %j (%s)', (message, action, expected) => {
    expect(new AppError('parse-bad-row', { message, action }).detail).toBe(expected);
  });

  it.each([
    { action: undefined, why: 'no action' },
    { action: '', why: 'an empty action' },
  ])('is the message alone with $why', ({ action }) => {
    expect(new AppError('parse-bad-row', { message: 'line 2: bad row', action }).detail).toBe(
      'line 2: bad row',
    );
  });
});
