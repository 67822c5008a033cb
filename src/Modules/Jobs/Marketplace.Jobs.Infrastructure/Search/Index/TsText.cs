using System.Text;

namespace Marketplace.Jobs.Infrastructure.Search.Index;

/// <summary>A lexeme's positions as PostgreSQL keeps them: the position in the low 14 bits, the weight (D 0 … A 3) above.</summary>
internal static class WordPosition
{
    public static int Position(ushort entry) => entry & 0x3FFF;

    public static int Weight(ushort entry) => entry >> 14;

    public static ushort Of(int position, int weight) => (ushort)((weight << 14) | Math.Min(position, 0x3FFF));
}

/// <summary>A node of a tsquery as PostgreSQL prints it.</summary>
internal abstract record TsNode;

internal sealed record TsLexeme(string Text) : TsNode;

internal sealed record TsNot(TsNode Operand) : TsNode;

internal sealed record TsAnd(TsNode Left, TsNode Right) : TsNode;

internal sealed record TsOr(TsNode Left, TsNode Right) : TsNode;

/// <summary><c>left &lt;N&gt; right</c>: right follows left at exactly <see cref="Distance"/> positions.</summary>
internal sealed record TsPhrase(TsNode Left, TsNode Right, int Distance) : TsNode;

/// <summary>
/// Reads the text forms of tsvector and tsquery that PostgreSQL prints (tsvectorout, tsqueryout), so that PostgreSQL keeps
/// doing what only it should (parsing, stemming, stop words, websearch syntax) and the index only evaluates the result.
/// </summary>
internal static class TsText
{
    /// <summary><c>'lexeme':1A,5 'other':3B</c> into each lexeme with its positions (a lexeme without positions gets none).</summary>
    public static List<(string Lexeme, ushort[] Positions)> ReadVector(string text)
    {
        var result = new List<(string, ushort[])>();
        var i = 0;
        var positions = new List<ushort>();
        while (i < text.Length)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }

            var lexeme = ReadQuoted(text, ref i);
            positions.Clear();
            if (i < text.Length && text[i] == ':')
            {
                i++;
                while (true)
                {
                    var start = i;
                    while (i < text.Length && char.IsAsciiDigit(text[i]))
                    {
                        i++;
                    }

                    var position = int.Parse(text.AsSpan(start, i - start), provider: System.Globalization.CultureInfo.InvariantCulture);
                    var weight = 0;
                    if (i < text.Length && text[i] is 'A' or 'B' or 'C' or 'D')
                    {
                        weight = 'D' - text[i];
                        i++;
                    }

                    positions.Add(WordPosition.Of(position, weight));
                    if (i < text.Length && text[i] == ',')
                    {
                        i++;
                        continue;
                    }

                    break;
                }
            }

            result.Add((lexeme, [.. positions]));
        }

        return result;
    }

    /// <summary>
    /// A tsquery's text into its tree; null for the empty query (only stop words), which matches nothing. Throws
    /// <see cref="NotSupportedException"/> for what the index does not evaluate (prefix or weight-restricted lexemes, a
    /// negation inside a phrase): the search then runs in PostgreSQL.
    /// </summary>
    public static TsNode? ReadQuery(string text)
    {
        var i = 0;
        SkipSpaces(text, ref i);
        if (i >= text.Length)
        {
            return null;
        }

        var node = ReadOr(text, ref i, inPhrase: false);
        SkipSpaces(text, ref i);
        return i == text.Length ? node : throw new FormatException($"unexpected '{text[i]}' at {i} in tsquery {text}");
    }

    private static TsNode ReadOr(string text, ref int i, bool inPhrase)
    {
        var left = ReadAnd(text, ref i, inPhrase);
        while (Peek(text, ref i) == '|')
        {
            i++;
            left = new TsOr(left, ReadAnd(text, ref i, inPhrase));
        }

        return left;
    }

    private static TsNode ReadAnd(string text, ref int i, bool inPhrase)
    {
        var left = ReadPhrase(text, ref i, inPhrase);
        while (Peek(text, ref i) == '&')
        {
            i++;
            left = new TsAnd(left, ReadPhrase(text, ref i, inPhrase));
        }

        return left;
    }

    private static TsNode ReadPhrase(string text, ref int i, bool inPhrase)
    {
        var left = ReadUnary(text, ref i, inPhrase);
        while (Peek(text, ref i) == '<')
        {
            var close = text.IndexOf('>', i);
            var inside = text[(i + 1)..close];
            var distance = inside == "-" ? 1 : int.Parse(inside, System.Globalization.CultureInfo.InvariantCulture);
            i = close + 1;
            if (ContainsNot(left))
            {
                throw new NotSupportedException("a negation inside a phrase");
            }

            var right = ReadUnary(text, ref i, inPhrase: true);
            left = new TsPhrase(left, right, distance);
        }

        return left;
    }

    private static TsNode ReadUnary(string text, ref int i, bool inPhrase)
    {
        switch (Peek(text, ref i))
        {
            case '!':
                if (inPhrase)
                {
                    throw new NotSupportedException("a negation inside a phrase");
                }

                i++;
                return new TsNot(ReadUnary(text, ref i, inPhrase));
            case '(':
                i++;
                var inner = ReadOr(text, ref i, inPhrase);
                if (Peek(text, ref i) != ')')
                {
                    throw new FormatException($"missing ')' in tsquery {text}");
                }

                i++;
                return inner;
            case '\'':
                var lexeme = ReadQuoted(text, ref i);
                if (i < text.Length && text[i] == ':')
                {
                    throw new NotSupportedException("a prefix or weight-restricted lexeme");
                }

                return new TsLexeme(lexeme);
            default:
                throw new FormatException($"unexpected text at {i} in tsquery {text}");
        }
    }

    private static bool ContainsNot(TsNode node) => node switch
    {
        TsNot => true,
        TsAnd a => ContainsNot(a.Left) || ContainsNot(a.Right),
        TsOr o => ContainsNot(o.Left) || ContainsNot(o.Right),
        TsPhrase p => ContainsNot(p.Left) || ContainsNot(p.Right),
        _ => false,
    };

    private static char Peek(string text, ref int i)
    {
        SkipSpaces(text, ref i);
        return i < text.Length ? text[i] : '\0';
    }

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }
    }

    /// <summary>A quoted lexeme, where PostgreSQL doubles a quote or a backslash inside.</summary>
    private static string ReadQuoted(string text, ref int i)
    {
        if (text[i] != '\'')
        {
            throw new FormatException($"expected a quoted lexeme at {i} in {text}");
        }

        i++;
        var lexeme = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i];
            if ((c == '\'' || c == '\\') && i + 1 < text.Length && text[i + 1] == c)
            {
                lexeme.Append(c);
                i += 2;
                continue;
            }

            if (c == '\'')
            {
                i++;
                return lexeme.ToString();
            }

            lexeme.Append(c);
            i++;
        }

        throw new FormatException($"unterminated lexeme in {text}");
    }
}
