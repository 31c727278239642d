using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml;

namespace CxMaturity.Assessment.Workbooks;

/// <summary>
/// Copies a package ClosedXML saved into the spelling every reader takes. ClosedXML 0.95 (through the Open XML SDK)
/// writes SpreadsheetML with an <c>x:</c> prefix, the document properties with <c>ap:</c>, and System.IO.Packaging
/// writes absolute relationship targets (<c>/xl/tables/table1.xml</c>). Excel and LibreOffice read them; exceljs
/// reads only the default namespace and targets relative to their part, which is how Excel itself writes them.
/// The copy streams part by part, so it costs no more memory than the largest part's XML reader.
/// </summary>
internal static class PortablePackage
{
    public const string SpreadsheetMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string ExtendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    // Written unprefixed, as Excel writes them. Other namespaces (r:, mc:, x14ac:, a:, vt: …) keep their prefixes.
    private static readonly HashSet<string> DefaultNamespaces = new(StringComparer.Ordinal) { SpreadsheetMain, ExtendedProperties };
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    // Entitized line breaks: a carriage return a user typed stays one, as ClosedXML wrote it.
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };

    /// <summary>
    /// Copies <paramref name="package"/> to <paramref name="output"/>, each part through <paramref name="writePart"/>
    /// when it returns true for the part's name (it has then written the part), otherwise rewritten: SpreadsheetML
    /// and document-properties parts in the default namespace, relationship targets relative.
    /// </summary>
    public static void Copy(MemoryStream package, Stream output, Func<string, Stream, bool>? writePart = null)
    {
        package.Position = 0;
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = entry.LastWriteTime;
            using var to = copy.Open();
            if (writePart?.Invoke(entry.FullName, to) == true)
            {
                continue;
            }

            using var from = entry.Open();
            if (entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                WriteRelativeTargets(entry.FullName, from, to);
            }
            else if ((entry.FullName.StartsWith("xl/", StringComparison.Ordinal) || entry.FullName.StartsWith("docProps/", StringComparison.Ordinal))
                && entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            {
                using var reader = XmlReader.Create(from, ReaderSettings);
                using var writer = CreateWriter(to);
                writer.WriteStartDocument(standalone: true);
                CopyNodes(reader, writer);
            }
            else
            {
                from.CopyTo(to);
            }
        }
    }

    /// <summary>An XML writer for a part; SpreadsheetML elements go in as <c>("", name, SpreadsheetMain)</c>.</summary>
    public static XmlWriter CreateWriter(Stream stream) => XmlWriter.Create(stream, WriterSettings);

    /// <summary>Writes an Open XML SDK element in the default namespace (its own serialisation would say <c>x:</c>).</summary>
    public static void WriteElement(XmlWriter writer, OpenXmlElement element)
    {
        using var reader = XmlReader.Create(new StringReader(element.OuterXml), ReaderSettings);
        CopyNodes(reader, writer);
    }

    /// <summary>
    /// Copies nodes from <paramref name="reader"/>, elements of the default namespaces without a prefix. A declaration
    /// of a prefix for one of them is dropped, and so is one already in scope: the writer declares what it needs.
    /// </summary>
    private static void CopyNodes(XmlReader reader, XmlWriter writer)
    {
        // The XML declaration is the writer's own; OOXML parts have no document types or entities.
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var empty = reader.IsEmptyElement;
                    writer.WriteStartElement(DefaultNamespaces.Contains(reader.NamespaceURI) ? "" : reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    while (reader.MoveToNextAttribute())
                    {
                        if (reader.NamespaceURI == XmlnsNamespace)
                        {
                            var prefix = reader.Prefix.Length == 0 ? "" : reader.LocalName;
                            if (DefaultNamespaces.Contains(reader.Value) || writer.LookupPrefix(reader.Value) == prefix)
                            {
                                continue;
                            }
                        }

                        writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.Value);
                    }

                    reader.MoveToElement();
                    if (empty)
                    {
                        writer.WriteEndElement();
                    }

                    break;
                case XmlNodeType.EndElement:
                    writer.WriteFullEndElement();
                    break;
                case XmlNodeType.Text:
                    writer.WriteString(reader.Value);
                    break;
                case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    writer.WriteWhitespace(reader.Value);
                    break;
                case XmlNodeType.CDATA:
                    writer.WriteCData(reader.Value);
                    break;
                case XmlNodeType.Comment:
                    writer.WriteComment(reader.Value);
                    break;
                case XmlNodeType.ProcessingInstruction:
                    writer.WriteProcessingInstruction(reader.Name, reader.Value);
                    break;
            }
        }
    }

    private static void WriteRelativeTargets(string relsName, Stream from, Stream to)
    {
        XDocument document;
        using (var reader = XmlReader.Create(from, ReaderSettings))
        {
            document = XDocument.Load(reader);
        }

        // "xl/worksheets/_rels/sheet4.xml.rels" holds the relationships of "xl/worksheets/sheet4.xml", in "xl/worksheets/".
        var folder = relsName[..relsName.LastIndexOf("_rels/", StringComparison.Ordinal)]
            .Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var relationship in document.Root?.Elements(Relationships + "Relationship") ?? [])
        {
            var target = relationship.Attribute("Target");
            if ((string?)relationship.Attribute("TargetMode") != "External" && target is not null && target.Value.StartsWith('/'))
            {
                target.Value = RelativeTarget(folder, target.Value);
            }
        }

        using var writer = CreateWriter(to);
        document.Save(writer);
    }

    /// <summary>"/xl/tables/table1.xml" seen from the folder xl/worksheets is "../tables/table1.xml".</summary>
    internal static string RelativeTarget(IReadOnlyList<string> folder, string absoluteTarget)
    {
        var segments = absoluteTarget.TrimStart('/').Split('/');
        var common = 0;
        while (common < folder.Count && common < segments.Length - 1 && folder[common] == segments[common])
        {
            common++;
        }

        return string.Concat(Enumerable.Repeat("../", folder.Count - common)) + string.Join('/', segments[common..]);
    }
}
