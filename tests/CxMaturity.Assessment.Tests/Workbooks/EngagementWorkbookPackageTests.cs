using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using static CxMaturity.Assessment.Tests.Workbooks.WorkbookTestData;

namespace CxMaturity.Assessment.Tests.Workbooks;

/// <summary>
/// The package as stricter readers (exceljs) see it: SpreadsheetML and the document properties in the default
/// namespace, relationship targets relative to their source part. Excel and LibreOffice accept either spelling, so
/// only these tests notice.
/// </summary>
public sealed class EngagementWorkbookPackageTests
{
    private const string SpreadsheetMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string ExtendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    // 0 and 1 response leave the Responses sheet to ClosedXML alone; 18 stream all rows after the first.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(18)]
    public void Every_spreadsheet_part_and_the_document_properties_declare_their_namespace_as_the_default_never_a_prefix(int responses)
    {
        var entries = Entries(EngagementBytes(Engagement() with { Responses = [.. Responses().Take(responses)] }));

        Assert.Equal(9, entries.Keys.Count(name => name.StartsWith("xl/worksheets/", StringComparison.Ordinal) && name.EndsWith(".xml", StringComparison.Ordinal)));
        Assert.Equal(12, entries.Keys.Count(name => name.StartsWith("xl/tables/", StringComparison.Ordinal)));
        AssertNamespaces(entries);
    }

    [Fact]
    public void The_questionnaire_workbook_is_written_the_same_portable_way()
    {
        var entries = Entries(QuestionnaireBytes(Questionnaire()));

        AssertNamespaces(entries);
        AssertRelativeTargets(entries);
    }

    private static void AssertNamespaces(Dictionary<string, byte[]> entries)
    {
        foreach (var (name, bytes) in entries.Where(e => e.Key.EndsWith(".xml", StringComparison.Ordinal)))
        {
            var rootNamespace = name.StartsWith("xl/worksheets/", StringComparison.Ordinal)
                || name.StartsWith("xl/tables/", StringComparison.Ordinal)
                || name is "xl/workbook.xml" or "xl/styles.xml" or "xl/sharedStrings.xml"
                ? SpreadsheetMain
                : name == "docProps/app.xml" ? ExtendedProperties : null;
            AssertDefaultNamespace(name, bytes, rootNamespace);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(18)]
    public void Every_relationship_target_inside_the_package_is_relative_and_names_a_part_that_exists(int responses)
    {
        var entries = Entries(EngagementBytes(Engagement() with { Responses = [.. Responses().Take(responses)] }));
        var rels = entries.Where(e => e.Key.EndsWith(".rels", StringComparison.Ordinal)).ToList();

        Assert.Contains(rels, r => r.Key == "_rels/.rels");
        Assert.Contains(rels, r => r.Key == "xl/_rels/workbook.xml.rels");
        Assert.Contains(rels, r => r.Key == "xl/worksheets/_rels/sheet4.xml.rels");
        AssertRelativeTargets(entries);

        Assert.Equal(
            "../tables/table4.xml",
            (string)XDocument.Load(new MemoryStream(entries["xl/worksheets/_rels/sheet4.xml.rels"])).Root!
                .Element(Relationships + "Relationship")!.Attribute("Target")!);
    }

    private static void AssertRelativeTargets(Dictionary<string, byte[]> entries)
    {
        foreach (var (name, bytes) in entries.Where(e => e.Key.EndsWith(".rels", StringComparison.Ordinal)))
        {
            var relationships = XDocument.Load(new MemoryStream(bytes)).Root!.Elements(Relationships + "Relationship").ToList();
            Assert.NotEmpty(relationships);
            foreach (var relationship in relationships.Where(r => (string?)r.Attribute("TargetMode") != "External"))
            {
                var target = (string)relationship.Attribute("Target")!;
                Assert.False(target.StartsWith('/'), $"{name} points at {target}, an absolute target.");
                var resolved = Resolve(name, target);
                Assert.True(entries.ContainsKey(resolved), $"{name} points at {target}, which resolves to {resolved}, not a part of the package.");
            }
        }
    }

    private static Dictionary<string, byte[]> Entries(byte[] package)
    {
        using var archive = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(
            e => e.FullName,
            e =>
            {
                using var stream = e.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            },
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The root is in <paramref name="rootNamespace"/> (when given) and declares it as the default; no element of
    /// SpreadsheetML or of the document properties carries a prefix, and no prefix is declared for them.
    /// </summary>
    private static void AssertDefaultNamespace(string name, byte[] bytes, string? rootNamespace)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        reader.MoveToContent();
        if (rootNamespace is not null)
        {
            Assert.True(reader.NamespaceURI == rootNamespace, $"The root of {name} is {reader.Name} in {reader.NamespaceURI}, not in {rootNamespace}.");
            Assert.True(reader.GetAttribute("xmlns") == rootNamespace, $"The root of {name}, {reader.Name}, does not declare {rootNamespace} as its default namespace.");
        }

        do
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            Assert.True(
                reader.NamespaceURI is not (SpreadsheetMain or ExtendedProperties) || reader.Prefix.Length == 0,
                $"{name} writes the element {reader.Name} of {reader.NamespaceURI} with a prefix.");
            while (reader.MoveToNextAttribute())
            {
                Assert.False(
                    reader.NamespaceURI == XmlnsNamespace && reader.Prefix == "xmlns" && reader.Value is SpreadsheetMain or ExtendedProperties,
                    $"{name} declares the prefix {reader.LocalName} for {reader.Value}.");
            }

            reader.MoveToElement();
        }
        while (reader.Read());
    }

    /// <summary>The part a relationship target names, as OPC resolves it against the part that holds the relationship.</summary>
    private static string Resolve(string relsName, string target)
    {
        // "xl/worksheets/_rels/sheet4.xml.rels" is about "xl/worksheets/sheet4.xml", whose folder is "xl/worksheets/".
        var folder = relsName[..relsName.IndexOf("_rels/", StringComparison.Ordinal)];
        var segments = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var segment in target.Split('/'))
        {
            if (segment == "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment is not ("." or ""))
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }
}
