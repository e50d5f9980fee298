import { sentence } from './prose';
import { Choices } from './random';

const NAME_PARTS = (
  'get set user item count index value result buffer config token request response handler ' +
  'cache map list node parent child data error message options state update render parse ' +
  'format load save create remove find filter total size name key id path file line text ' +
  'source target encoding piece rank budget timeout retry'
).split(' ');

const PROPERTIES = [
  'length', 'push', 'get', 'set', 'has', 'map', 'filter', 'slice', 'indexOf', 'prototype',
  'toString', 'value', 'data', 'then', 'catch', 'forEach', 'reduce', 'keys', 'size', 'id',
];

const TYPES = [
  'string', 'number', 'boolean', 'readonly string[]', 'Map<string, number>', 'number[]',
  'Promise<void>', 'Record<string, unknown>', 'Uint8Array',
];

/** Names a minifier leaves: one or two letters. */
const SHORT_NAMES = [...'etnriosaulcfdphmgvybxwkSETOA_$', 'ee', 'te', 'ne', 're', 'ie', 'oe'];

const OPERATORS = ['+', '-', '*', '===', '!==', '<', '>=', '&&', '||', '??', '|', '<<'];

/**
 * Writes JavaScript-shaped code, either as readable TypeScript (names, types, comments,
 * indentation) or as a minifier would leave it (short names, no white space, one line), so
 * both corpora share one grammar and differ only in layout.
 */
class CodeWriter {
  constructor(
    private readonly choices: Choices,
    private readonly minified: boolean,
  ) {}

  private get sp(): string {
    return this.minified ? '' : ' ';
  }

  private newline(indent: number): string {
    return this.minified ? '' : '\n' + '  '.repeat(indent);
  }

  private variable(): string {
    if (this.minified) {
      return this.choices.pick(SHORT_NAMES);
    }
    const parts = [this.choices.pickFrequent(NAME_PARTS)];
    for (let i = this.choices.int(0, 2); i > 0; i--) {
      const part = this.choices.pick(NAME_PARTS);
      parts.push(part.charAt(0).toUpperCase() + part.slice(1));
    }
    return parts.join('');
  }

  private typeName(): string {
    const name = this.variable();
    return name.charAt(0).toUpperCase() + name.slice(1);
  }

  private stringLiteral(): string {
    const words = sentence(this.choices).slice(0, this.choices.int(3, 40)).replace(/"/g, '');
    return this.choices.chance(0.5) ? `"${words}"` : `'${words.replace(/'/g, '')}'`;
  }

  private expression(depth: number): string {
    const c = this.choices;
    const sp = this.sp;
    const leaf = depth >= 3;
    switch (leaf ? c.int(0, 3) : c.int(0, 9)) {
      case 0:
        return this.variable();
      case 1:
        return c.chance(0.7) ? String(c.logInt(1, 100_000)) : (c.float() * 100).toFixed(2);
      case 2:
        return this.stringLiteral();
      case 3:
        return `${this.variable()}.${c.pick(PROPERTIES)}`;
      case 4: {
        const args: string[] = [];
        for (let i = c.int(0, 3); i > 0; i--) {
          args.push(this.expression(depth + 1));
        }
        return `${this.variable()}(${args.join(`,${sp}`)})`;
      }
      case 5:
        return `${this.expression(depth + 1)}${sp}${c.pick(OPERATORS)}${sp}${this.expression(3)}`;
      case 6:
        return `${this.variable()}${sp}?${sp}${this.expression(3)}${sp}:${sp}${this.expression(3)}`;
      case 7:
        return `(${this.variable()})${sp}=>${sp}${this.expression(depth + 1)}`;
      case 8:
        return `{${sp}${c.pick(PROPERTIES)}:${sp}${this.expression(depth + 1)}${sp}}`;
      default:
        return `[${this.expression(depth + 1)},${sp}${this.expression(depth + 1)}]`;
    }
  }

  private block(indent: number, statements: number): string {
    let body = '';
    for (let i = 0; i < statements; i++) {
      body += this.newline(indent + 1) + this.statement(indent + 1);
    }
    return `{${body}${this.newline(indent)}}`;
  }

  private statement(indent: number): string {
    const c = this.choices;
    const sp = this.sp;
    const nested = indent < 4;
    switch (nested ? c.int(0, 6) : c.int(0, 3)) {
      case 0: {
        const keyword = this.minified ? 'var ' : c.pick(['const ', 'const ', 'let ']);
        return `${keyword}${this.variable()}${sp}=${sp}${this.expression(0)};`;
      }
      case 1:
        return `${this.variable()}${sp}${c.pick(['=', '+=', '|='])}${sp}${this.expression(1)};`;
      case 2:
        return `${this.expression(1)};`;
      case 3:
        return this.minified
          ? `${this.variable()}(${this.expression(2)});`
          : `// ${sentence(c).slice(0, 90)}`;
      case 4: {
        const otherwise = c.chance(0.3) ? `${sp}else${sp}${this.block(indent, c.int(1, 2))}` : '';
        return `if${sp}(${this.expression(1)})${sp}${this.block(indent, c.int(1, 3))}${otherwise}`;
      }
      case 5: {
        const i = this.minified ? c.pick(SHORT_NAMES) : 'i';
        const list = this.variable();
        const head = `for${sp}(${this.minified ? 'var' : 'let'} ${i}${sp}=${sp}0;${sp}${i}${sp}<`
          + `${sp}${list}.length;${sp}${i}++)`;
        return `${head}${sp}${this.block(indent, c.int(1, 3))}`;
      }
      default:
        return `return ${this.expression(1)};`;
    }
  }

  private parameter(): string {
    return this.minified ? this.variable() : `${this.variable()}: ${this.choices.pick(TYPES)}`;
  }

  /** One top-level function, with a doc comment and types when readable. */
  func(): string {
    const c = this.choices;
    const parameters: string[] = [];
    for (let i = c.int(0, 3); i > 0; i--) {
      parameters.push(this.parameter());
    }
    const body = this.block(0, c.int(2, 8));
    if (this.minified) {
      return `function ${this.variable()}(${parameters.join(',')})${body}`;
    }
    const doc = c.chance(0.5) ? `/** ${sentence(c).slice(0, 90)} */\n` : '';
    const exported = c.chance(0.5) ? 'export ' : '';
    const signature = `${this.variable()}(${parameters.join(', ')}): ${c.pick(TYPES)}`;
    return `${doc}${exported}function ${signature} ${body}\n\n`;
  }

  interfaceDeclaration(): string {
    let fields = '';
    for (let i = this.choices.int(2, 6); i > 0; i--) {
      fields += `  readonly ${this.variable()}: ${this.choices.pick(TYPES)};\n`;
    }
    return `export interface ${this.typeName()} {\n${fields}}\n\n`;
  }

  importLine(): string {
    return `import { ${this.variable()}, ${this.typeName()} } from './${this.variable()}';\n`;
  }
}

/** One module of readable TypeScript: imports, then functions and interfaces. */
export function sourceModule(choices: Choices): string {
  const writer = new CodeWriter(choices, false);
  let text = '';
  for (let i = choices.int(1, 4); i > 0; i--) {
    text += writer.importLine();
  }
  text += '\n';
  for (let i = choices.int(3, 8); i > 0; i--) {
    text += choices.chance(0.2) ? writer.interfaceDeclaration() : writer.func();
  }
  return text;
}

/** Minified JavaScript, a function at a time, all on one line as bundlers emit it. */
export function minifiedFunction(choices: Choices): string {
  return new CodeWriter(choices, true).func() + ';';
}
