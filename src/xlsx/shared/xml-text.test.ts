import fc from "fast-check";
import { escapeCellText, escapePlainText, needsSpacePreserve } from "./xml-escape";
import { decodeCellText, decodeXmlEntities } from "./xml-unescape";

describe("cell text escaping", () => {
  it("escapes XML specials and control characters the OOXML way", () => {
    expect(escapeCellText('A & B <c> "d"')).toBe("A &amp; B &lt;c&gt; &quot;d&quot;");
    expect(escapeCellText("a\rb")).toBe("a_x000D_b"); // a parser would turn a raw CR into LF
    expect(escapeCellText("bell\u0007")).toBe("bell_x0007_");
    expect(escapeCellText("tab\tline\n")).toBe("tab\tline\n"); // allowed in XML as they are
    // A literal escape sequence in user text is protected by escaping its underscore.
    expect(escapeCellText("_x000D_")).toBe("_x005F_x000D_");
    expect(escapeCellText("Results_Payouts")).toBe("Results_Payouts");
  });

  it("drops what XML 1.0 cannot hold: lone surrogates and U+FFFE/U+FFFF, keeping real pairs", () => {
    expect(escapeCellText("a\uD800b\uDC00c\uFFFEd")).toBe("abcd");
    expect(escapeCellText("🚀")).toBe("🚀");
    expect(escapePlainText("x\u0001y\uFFFF & z")).toBe("xy &amp; z");
  });

  it("decodes entities, numeric references and _xHHHH_ escapes", () => {
    expect(decodeXmlEntities("&lt;&gt;&amp;&quot;&apos;&#10;&#x1F680;&unknown;")).toBe("<>&\"'\n🚀&unknown;");
    expect(decodeCellText("a_x000D__x005F_x000D_")).toBe("a\r_x000D_");
  });

  it("round-trips any string without lone surrogates or non-characters", () => {
    const valid = fc.string({ unit: "binary" }).filter((s) => !/[\uD800-\uDFFF\uFFFE\uFFFF]/.test(s));
    fc.assert(
      fc.property(fc.oneof(valid, fc.constantFrom("_x000D_", "_x005F_", "__x0041__", "&amp;")), (s) => {
        expect(decodeCellText(escapeCellText(s))).toBe(s);
      }),
    );
  });

  it("asks for xml:space=preserve only around edge whitespace and line breaks", () => {
    expect(needsSpacePreserve("plain text")).toBe(false);
    expect(needsSpacePreserve(" lead")).toBe(true);
    expect(needsSpacePreserve("trail ")).toBe(true);
    expect(needsSpacePreserve("two\nlines")).toBe(true);
    expect(needsSpacePreserve("")).toBe(false);
  });
});
