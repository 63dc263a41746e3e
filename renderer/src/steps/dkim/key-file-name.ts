/** The file name part of a path, whatever the separator of the computer it came from. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
