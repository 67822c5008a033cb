namespace Marketplace.Skills.Text;

/// <summary>A token of a text: its position in the original text and its lower-case, NFKC-normalized form.</summary>
public readonly record struct Token(int Start, int Length, string Text)
{
    /// <summary>The index just past the token in the original text.</summary>
    public int End => Start + Length;
}
