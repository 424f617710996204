/**
 * The shared strings part. Every text cell goes through it: WPS and older
 * Excel versions read shared strings more reliably than inline strings, and
 * repeated labels are stored once.
 */
import { XML_DECLARATION, xmlText } from './xml';

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private uses = 0;

  id(text: string): number {
    this.uses++;
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.list.length;
      this.index.set(text, id);
      this.list.push(text);
    }
    return id;
  }

  xml(): string {
    // xml:space keeps leading and trailing spaces and line breaks as printed.
    const items = this.list.map((text) => `<si><t xml:space="preserve">${xmlText(text)}</t></si>`);
    return `${XML_DECLARATION}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.list.length}">${items.join('')}</sst>`;
  }
}
