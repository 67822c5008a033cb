using Marketplace.Identity.Domain.Passwords;

namespace Marketplace.Identity.Tests.Accounts;

public sealed class PasswordPolicyTests
{
    [Fact]
    public void The_embedded_list_holds_thousands_of_common_passwords()
    {
        PasswordPolicy.CommonPasswordCount.ShouldBeGreaterThan(5000);
        PasswordPolicy.IsCommon("password1234").ShouldBeTrue();
        PasswordPolicy.IsCommon("PASSWORD1234").ShouldBeTrue();
        PasswordPolicy.IsCommon("1qaz2wsx3edc").ShouldBeTrue();
        PasswordPolicy.IsCommon("correct horse battery staple 42").ShouldBeFalse();
    }

    [Theory]
    [InlineData("", "Enter a password.")]
    [InlineData("elevenchars", "Use at least 12 characters.")]
    [InlineData("iloveyou2024", "This password is too common")]
    [InlineData("my name is alexander and this is it", "must not contain your email")]
    public void Weak_passwords_are_refused_with_a_reason(string password, string reason)
    {
        var errors = PasswordPolicy.Check(password, "alexander@example.com");
        errors.ShouldNotBeEmpty();
        errors.ShouldAllBe(e => e.Field == "Password");
        errors.Select(e => e.Message).ShouldContain(m => m.Contains(reason));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(64)]
    [InlineData(128)]
    public void Long_uncommon_passwords_up_to_128_characters_pass(int length)
    {
        var password = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i * 7 % 26))));
        PasswordPolicy.Check(password, "someone@example.com").ShouldBeEmpty();
        PasswordPolicy.Check(password + "x", "someone@example.com").Count.ShouldBe(length == 128 ? 1 : 0);
    }
}
