/**
 * A minimal `DOMMatrix` for pdf.js in Node.
 *
 * pdf.js builds a DOMMatrix when its module loads and takes the class from the optional native
 * `@napi-rs/canvas`. The Lambda bundle leaves that native package out (text extraction never
 * renders), so without this the bundled function dies with `DOMMatrix is not defined`.
 * `./prelude.ts` installs it before pdf.js loads. We define it everywhere (not only in Lambda) so
 * that local runs exercise the same code path as the shipped bundle.
 */

class MinimalDOMMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: ArrayLike<number>) {
    if (init && init.length >= 6) {
      [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init).slice(0, 6) as [
        number,
        number,
        number,
        number,
        number,
        number,
      ];
    }
  }

  get is2D(): boolean {
    return true;
  }

  multiplySelf(other: MinimalDOMMatrix): this {
    const { a, b, c, d, e, f } = this;
    this.a = a * other.a + c * other.b;
    this.b = b * other.a + d * other.b;
    this.c = a * other.c + c * other.d;
    this.d = b * other.c + d * other.d;
    this.e = a * other.e + c * other.f + e;
    this.f = b * other.e + d * other.f + f;
    return this;
  }

  preMultiplySelf(other: MinimalDOMMatrix): this {
    const copy = new MinimalDOMMatrix([other.a, other.b, other.c, other.d, other.e, other.f]);
    copy.multiplySelf(this);
    [this.a, this.b, this.c, this.d, this.e, this.f] = [copy.a, copy.b, copy.c, copy.d, copy.e, copy.f];
    return this;
  }

  translate(tx = 0, ty = 0): MinimalDOMMatrix {
    return this.clone().multiplySelf(new MinimalDOMMatrix([1, 0, 0, 1, tx, ty]));
  }

  scale(sx = 1, sy = sx): MinimalDOMMatrix {
    return this.clone().multiplySelf(new MinimalDOMMatrix([sx, 0, 0, sy, 0, 0]));
  }

  invertSelf(): this {
    const { a, b, c, d, e, f } = this;
    const det = a * d - b * c;
    if (det === 0) {
      [this.a, this.b, this.c, this.d, this.e, this.f] = [Number.NaN, 0, 0, Number.NaN, 0, 0];
      return this;
    }
    this.a = d / det;
    this.b = -b / det;
    this.c = -c / det;
    this.d = a / det;
    this.e = (c * f - d * e) / det;
    this.f = (b * e - a * f) / det;
    return this;
  }

  private clone(): MinimalDOMMatrix {
    return new MinimalDOMMatrix([this.a, this.b, this.c, this.d, this.e, this.f]);
  }
}

/** Defines `globalThis.DOMMatrix` unless the platform (or @napi-rs/canvas) already has one. */
export function installDomMatrix(): void {
  const scope = globalThis as { DOMMatrix?: unknown };
  if (typeof scope.DOMMatrix === 'undefined') {
    scope.DOMMatrix = MinimalDOMMatrix;
  }
}
