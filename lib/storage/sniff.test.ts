// Byte fixtures are made here, as small as each format allows: a real signature, not a real file.
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { contentTypeFor, extensionMatches, sniffContentType } from "./sniff";

const ascii = (s: string) => Buffer.from(s, "latin1");
const cat = (...parts: (Buffer | number[])[]) =>
  Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p))));

/** A ZIP with stored (uncompressed) entries: local headers, central directory, end record. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, "utf8");
    const fileName = Buffer.from(name, "utf8");
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(data.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(fileName.length, 22);
    const local = cat(ascii("PK\x03\x04"), common, fileName, data);
    const central = Buffer.alloc(46);
    ascii("PK\x01\x02").copy(central, 0);
    central.writeUInt16LE(20, 4);
    common.copy(central, 6, 0, 26);
    central.writeUInt32LE(offset, 42);
    locals.push(local);
    centrals.push(cat(central, fileName));
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  ascii("PK\x05\x06").copy(end, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/x" ContentType="application/vnd.openxmlformats-officedocument.${main}.main+xml"/></Types>`;

/** An OLE compound file header, then the directory entry name of one stream. */
const ole = (stream: string) =>
  cat(
    [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    Buffer.alloc(504),
    Buffer.from(`Root Entry\0${stream}\0`, "utf16le"),
    Buffer.alloc(64),
  );

const FIXTURES = {
  pdf: ascii("%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"),
  png: cat(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    [0, 0, 0, 13],
    ascii("IHDR"),
    [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0],
    [0x1f, 0x15, 0xc4, 0x89],
  ),
  jpg: cat([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], ascii("JFIF\0"), [1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]),
  gif: cat(ascii("GIF89a"), [1, 0, 1, 0, 0, 0, 0, 0x3b]),
  webp: cat(ascii("RIFF"), [26, 0, 0, 0], ascii("WEBPVP8 "), Buffer.alloc(18)),
  docx: zip({ "[Content_Types].xml": contentTypes("wordprocessingml.document"), "word/document.xml": "<w:document/>" }),
  xlsx: zip({ "[Content_Types].xml": contentTypes("spreadsheetml.sheet"), "xl/workbook.xml": "<workbook/>" }),
  pptx: zip({ "[Content_Types].xml": contentTypes("presentationml.presentation"), "ppt/presentation.xml": "<p/>" }),
  doc: ole("WordDocument"),
  xls: ole("Workbook"),
  ppt: ole("PowerPoint Document"),
  txt: Buffer.from("Отчёт за квартал\nname,amount\r\nÄgypten,1\t2\n", "utf8"),
};

describe("sniffContentType", () => {
  it.each(Object.entries(FIXTURES))("recognises %s from its bytes", async (kind, bytes) => {
    expect((await sniffContentType(bytes))?.kind).toBe(kind);
  });

  it("gives the MIME type to store", async () => {
    expect(await sniffContentType(FIXTURES.pdf)).toEqual({ kind: "pdf", mime: "application/pdf" });
    expect((await sniffContentType(FIXTURES.docx))?.mime).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect((await sniffContentType(FIXTURES.txt))?.mime).toBe("text/plain; charset=utf-8");
  });

  it("refuses what is none of the accepted types", async () => {
    const refused = {
      empty: Buffer.alloc(0),
      exe: cat(ascii("MZ"), Buffer.alloc(62), ascii("PE\0\0"), Buffer.alloc(64)),
      "zip without an Office part": zip({ "readme.txt": "hello" }),
      "OLE file of another program": ole("__substg1.0_0037001F"),
      "binary with NUL": Buffer.from([0x41, 0x42, 0x00, 0x43, 0x44]),
      "invalid UTF-8": Buffer.from([0x41, 0xc3, 0x28, 0x80, 0x81]),
      "text with control codes": ascii("abc\x1b[31mred"),
    };
    for (const [name, bytes] of Object.entries(refused)) expect(await sniffContentType(bytes), name).toBeNull();
  });

  it("reads text whose sample ends inside a two-byte letter", async () => {
    const bytes = Buffer.from("ж".repeat(40_000), "utf8"); // 80,000 bytes: the 64 KB sample cuts one "ж" in half
    expect((await sniffContentType(bytes))?.kind).toBe("txt");
  });
});

describe("extensionMatches", () => {
  it("accepts a name whose extension fits the bytes, in any case", async () => {
    expect(extensionMatches("Report.PDF", await sniffContentType(FIXTURES.pdf))).toBe(true);
    expect(extensionMatches("photo.jpeg", await sniffContentType(FIXTURES.jpg))).toBe(true);
    expect(extensionMatches("photo.jpg", await sniffContentType(FIXTURES.jpg))).toBe(true);
    expect(extensionMatches("budget.csv", await sniffContentType(FIXTURES.txt))).toBe(true);
    expect(extensionMatches("old.xls", await sniffContentType(FIXTURES.xls))).toBe(true);
  });

  it("refuses a name that lies about the bytes, or has no extension", async () => {
    const pdf = await sniffContentType(FIXTURES.pdf);
    expect(extensionMatches("report.pdf.exe", pdf)).toBe(false);
    expect(extensionMatches("image.png", pdf)).toBe(false);
    expect(extensionMatches("report", pdf)).toBe(false);
    expect(extensionMatches("letter.doc", await sniffContentType(FIXTURES.xls))).toBe(false);
    expect(extensionMatches("fake.docx", await sniffContentType(zip({ "readme.txt": "hello" })))).toBe(false);
    expect(extensionMatches("a.pdf", null)).toBe(false);
  });
});

describe("contentTypeFor", () => {
  it("serves text named .csv as CSV, everything else as sniffed", async () => {
    const text = (await sniffContentType(FIXTURES.txt))!;
    expect(contentTypeFor("budget.CSV", text)).toBe("text/csv; charset=utf-8");
    expect(contentTypeFor("notes.txt", text)).toBe("text/plain; charset=utf-8");
    expect(contentTypeFor("x.pdf", (await sniffContentType(FIXTURES.pdf))!)).toBe("application/pdf");
  });
});
