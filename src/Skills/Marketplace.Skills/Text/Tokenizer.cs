using System.Text;

namespace Marketplace.Skills.Text;

/// <summary>Splits text into tech-aware tokens: C#, F#, C++, .NET, Node.js, ASP.NET and 3.11 stay whole; any other punctuation separates.</summary>
public static class Tokenizer
{
    /// <summary>Tokens of <paramref name="text"/>, in order.</summary>
    public static List<Token> Tokenize(string? text)
    {
        var tokens = new List<Token>();
        if (string.IsNullOrEmpty(text)) return tokens;
        int i = 0, n = text.Length;
        while (i < n)
        {
            char c = text[i];
            bool leadingDot = c == '.' && i + 1 < n && char.IsLetter(text[i + 1]) && (i == 0 || !IsWord(text[i - 1]));
            if (!IsWord(c) && !leadingDot) { i++; continue; }
            int start = i;
            i++;
            while (true)
            {
                while (i < n && IsWord(text[i])) i++;
                if (i >= n) break;
                char ch = text[i];
                if (ch == '.' && i + 1 < n && IsWord(text[i + 1])) { i++; continue; }
                if (ch == '#' && char.IsLetter(text[i - 1]) && (i + 1 >= n || !IsWord(text[i + 1]))) { i++; break; }
                if (ch == '+' && (char.IsLetter(text[i - 1]) || text[i - 1] == '+'))
                {
                    while (i < n && text[i] == '+') i++;
                    if (i < n && char.IsDigit(text[i])) continue;
                }
                break;
            }
            tokens.Add(new Token(start, i - start, Lower(text.AsSpan(start, i - start))));
        }
        return tokens;
    }

    /// <summary>The canonical key of a mention: its tokens joined by single spaces ("ASP.NET-Core" and "asp.net  core" give "asp.net core").</summary>
    public static string Key(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var tokens = Tokenize(Nfkc(text));
        return string.Join(' ', tokens.Select(t => t.Text));
    }

    internal static bool IsWord(char c) => char.IsLetterOrDigit(c);

    private static string Lower(ReadOnlySpan<char> span)
    {
        bool ascii = true;
        foreach (char ch in span) if (ch > 127) { ascii = false; break; }
        if (ascii)
        {
            Span<char> buffer = span.Length <= 256 ? stackalloc char[span.Length] : new char[span.Length];
            span.ToLowerInvariant(buffer);
            return new string(buffer);
        }
        return Nfkc(span.ToString()).ToLowerInvariant();
    }

    private static string Nfkc(string s)
    {
        try { return s.IsNormalized(NormalizationForm.FormKC) ? s : s.Normalize(NormalizationForm.FormKC); }
        catch (ArgumentException) { return s; } // lone surrogates cannot be normalized; keep them as they are
    }
}
