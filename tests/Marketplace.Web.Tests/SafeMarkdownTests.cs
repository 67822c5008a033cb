using Shouldly;
using Xunit;

using Marketplace.BuildingBlocks.Web.Markdown;

namespace Marketplace.Web.Tests;

public sealed class SafeMarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    public void Nothing_that_runs_script_survives(string markdown)
    {
        var html = SafeMarkdown.RenderToString(markdown);

        // Parsed as a browser would: escaped text is harmless, only elements and attributes can run anything.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        var elements = document.Body!.QuerySelectorAll("*");
        elements.ShouldNotContain(e => e.LocalName == "script" || e.LocalName == "iframe" || e.LocalName == "img");
        elements.SelectMany(e => e.Attributes).ShouldNotContain(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        elements.Select(e => e.GetAttribute("href") ?? "").ShouldAllBe(href => href == "" || href.StartsWith("http", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Ordinary_markdown_keeps_its_formatting_and_links_are_marked_as_user_content()
    {
        var html = SafeMarkdown.RenderToString("**Backend** engineer\n\n- C#\n- PostgreSQL\n\n[Blog](https://example.com)");

        html.ShouldContain("<strong>Backend</strong>");
        html.ShouldContain("<li>PostgreSQL</li>");
        html.ShouldContain("href=\"https://example.com\"");
        html.ShouldContain("rel=\"nofollow noopener noreferrer ugc\"");
    }

    [Fact]
    public void Plain_text_drops_the_markup()
    {
        SafeMarkdown.ToPlainText("**Backend** _engineer_").ShouldBe("Backend engineer");
        SafeMarkdown.RenderToString("   ").ShouldBe("");
    }
}
