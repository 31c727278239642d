using CxMaturity.Web.Features.Models;

namespace CxMaturity.Web.Tests.Features.Models;

public sealed class ContentFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cxmaturity-tests", "folders-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_relative_folder_typed_at_the_repository_root_is_found_from_the_project_folder_dotnet_run_starts_in()
    {
        var content = Directory.CreateDirectory(Path.Combine(_root, "content")).FullName;
        var project = Directory.CreateDirectory(Path.Combine(_root, "src", "CxMaturity.Web")).FullName;

        Assert.Equal(content, ContentOptions.ResolveFolder("content", project));
    }

    [Fact]
    public void An_absolute_folder_is_taken_as_given_even_when_missing()
    {
        var missing = Path.Combine(_root, "nowhere");

        Assert.Equal(missing, ContentOptions.ResolveFolder(missing, _root));
    }

    [Fact]
    public void A_relative_folder_found_nowhere_is_returned_unchanged_so_the_command_says_it_does_not_exist()
    {
        Directory.CreateDirectory(_root);

        Assert.Equal("no-such-folder-here", ContentOptions.ResolveFolder("no-such-folder-here", _root));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
