import { executionParameters } from './execution-parameters';

describe('executionParameters', () => {
  it('renders each value as the SQL literal Athena expects', () => {
    expect(executionParameters(['2026/11/30', "o'brien", 42, true, null])).toEqual(["'2026/11/30'", "'o''brien'", '42', 'TRUE', 'NULL']);
  });

  it('keeps an injection attempt inside one quoted literal', () => {
    const [lit] = executionParameters(["' OR '1'='1"])!;
    expect(lit).toBe("''' OR ''1''=''1'");
    // Unquoting the literal gives back exactly the value: nothing escaped the quotes.
    expect(lit!.slice(1, -1).replace(/''/g, "'")).toBe("' OR '1'='1");
  });

  it('sends no list for a statement without parameters', () => {
    expect(executionParameters([])).toBeUndefined();
  });
});
