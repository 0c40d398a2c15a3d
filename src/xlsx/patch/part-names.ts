import { partKey } from "./source-package";

/**
 * New part names that collide with nothing in the package (including parts
 * we are about to delete): the lowest free number in "<folder>/<stem>N.xml".
 */
export class FreshPartNames {
  private readonly next = new Map<string, number>();

  constructor(private readonly taken: Set<string>) {}

  claim(folder: string, stem: string): string {
    const prefix = folder === "" ? stem : `${folder}/${stem}`;
    let n = this.next.get(prefix) ?? 1;
    while (this.taken.has(partKey(`${prefix}${n}.xml`))) n++;
    const name = `${prefix}${n}.xml`;
    this.taken.add(partKey(name));
    this.next.set(prefix, n + 1);
    return name;
  }
}
