using System.Globalization;

namespace CxMaturity.Web.Components.Pages.Admin;

/// <summary>The address of one page of an administrators' list and its search, as the list pages read it back.</summary>
internal static class SearchLinks
{
    /// <summary>E.g. <c>admin/users?q=ada&amp;page=2</c>; without the search when empty, without the page when the first.</summary>
    public static string To(string path, string search, int page)
    {
        var query = new List<string>();
        if (search.Length > 0)
        {
            query.Add("q=" + Uri.EscapeDataString(search));
        }

        if (page > 1)
        {
            query.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        }

        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }
}
