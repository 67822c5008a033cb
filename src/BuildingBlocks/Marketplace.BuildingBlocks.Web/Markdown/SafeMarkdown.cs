using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Marketplace.BuildingBlocks.Web.Markdown;

/// <summary>
/// User-written Markdown (profile summaries, posting descriptions) turned into HTML that is safe to show: Markdig renders
/// it with raw HTML disabled, then HtmlSanitizer keeps only harmless tags and attributes, so a script, an event handler
/// or a javascript: link never reaches a page, whatever the author typed.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .UseListExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static IHtmlContent Render(string? markdown) => new HtmlString(RenderToString(markdown));

    public static string RenderToString(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var html = Markdig.Markdown.ToHtml(markdown, Pipeline);
        return Sanitizer.Sanitize(html);
    }

    /// <summary>The text of the Markdown without markup, e.g. for a card's excerpt or a search index.</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdig.Markdown.ToPlainText(markdown, Pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a",
                "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        };
        var sanitizer = new HtmlSanitizer(options);
        // Links people wrote open without handing this page to the target, and are not endorsed for search engines.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer ugc");
            }
        };
        return sanitizer;
    }
}
