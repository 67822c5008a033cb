using System.Collections.Frozen;

namespace Marketplace.Profiles.Domain.Preferences;

/// <summary>The ISO 4217 codes of the currencies in use today (no funds, metals or test codes), for salary expectations.</summary>
public static class Currencies
{
    private static readonly FrozenSet<string> Codes = (
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP " +
        "CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR " +
        "ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT " +
        "MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD " +
        "SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND " +
        "VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The ones most seekers here pick, first in a currency picker.</summary>
    public static IReadOnlyList<string> Common { get; } = ["EUR", "USD", "GBP", "CHF", "PLN", "SEK", "NOK", "DKK", "CZK", "CAD", "AUD", "INR"];

    public static IReadOnlyList<string> All { get; } = [.. Codes.Order(StringComparer.Ordinal)];

    /// <summary>The upper-case code when it is a currency in use ("eur" is EUR); null otherwise.</summary>
    public static string? Normalize(string? code)
    {
        var upper = code?.Trim().ToUpperInvariant();
        return upper is { Length: 3 } && Codes.Contains(upper) ? upper : null;
    }
}
