import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readPrintedValue, showsExpectedValue } from './cell-text';

test('reads numbers as a person reads the printed cell', () => {
  assert.deepEqual(readPrintedValue('１２０'), { kind: 'number', value: 120 });
  assert.deepEqual(readPrintedValue(' 1,234 '), { kind: 'number', value: 1234 });
  assert.deepEqual(readPrintedValue('１，２３４'), { kind: 'number', value: 1234 });
  assert.deepEqual(readPrintedValue('减4'), { kind: 'number', value: -4 });
  assert.deepEqual(readPrintedValue('+461'), { kind: 'number', value: 461 });
  assert.deepEqual(readPrintedValue('12.5%'), { kind: 'number', value: 12.5 });
  assert.deepEqual(readPrintedValue('251000元'), { kind: 'number', value: 251000 });
});

test('blank and dash cells read as nothing, other text as text', () => {
  for (const printed of ['', '\u00a0', '—', '——', '－', '/', '无', '不适用']) {
    assert.deepEqual(readPrintedValue(printed), { kind: 'blank' }, JSON.stringify(printed));
  }
  assert.equal(readPrintedValue('见附件').kind, 'text');
  assert.equal(readPrintedValue('1O').kind, 'text');
  assert.equal(readPrintedValue('12,34').kind, 'text');
});

test('an expected null matches only a blank or dash cell', () => {
  assert.ok(showsExpectedValue('—', null));
  assert.ok(!showsExpectedValue('0', null));
  assert.ok(!showsExpectedValue('', 0));
  assert.ok(showsExpectedValue('０', 0));
});
