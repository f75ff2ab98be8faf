using NewsPortal.Core.Policies;

namespace NewsPortal.UnitTests.Policies;

public sealed class NumberingPolicyRevisions
{
    [Fact]
    public void A_material_revision_starts_a_new_consent_version_and_a_minor_one_keeps_it()
    {
        Assert.Equal(2, PolicyRules.NextConsentVersion(1, isMaterial: true));
        Assert.Equal(1, PolicyRules.NextConsentVersion(1, isMaterial: false));
        Assert.Equal(1, PolicyRules.NextConsentVersion(0, isMaterial: true));
    }

    [Fact]
    public void A_revision_cannot_take_effect_before_the_latest_one()
    {
        var latest = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

        var errors = PolicyRules.Validate("Text", latest.AddMinutes(-1), latest);

        Assert.Contains("cannot be earlier", errors["EffectiveAt"]);
        Assert.Empty(PolicyRules.Validate("Text", latest, latest));
        Assert.Empty(PolicyRules.Validate("Text", latest.AddDays(-400), null));
    }

    [Fact]
    public void A_revision_needs_text_within_the_limit()
    {
        Assert.Equal("Enter the text of the page.", PolicyRules.Validate("  ", DateTime.UtcNow, null)["Markdown"]);
        Assert.Contains("limit", PolicyRules.Validate(new string('x', PolicyRules.MaxMarkdown + 1), DateTime.UtcNow, null)["Markdown"]);
    }

    [Fact]
    public void A_translation_needs_a_title_and_a_text_within_their_limits()
    {
        Assert.Empty(PolicyRules.ValidateTranslation("隐私声明", "我们保存的信息很少。"));
        Assert.Equal("Enter the title of the page.", PolicyRules.ValidateTranslation(" \u200B", "文字")["Title"]);
        Assert.Contains("limit", PolicyRules.ValidateTranslation(new string('长', PolicyRules.MaxTitle + 1), "文字")["Title"]);
        Assert.Equal("Enter the text of the page.", PolicyRules.ValidateTranslation("标题", "  ")["Markdown"]);
        Assert.Contains("limit", PolicyRules.ValidateTranslation("标题", new string('x', PolicyRules.MaxMarkdown + 1))["Markdown"]);
        Assert.Contains("could not be read", PolicyRules.ValidateTranslation("标题", "文\uFFFD字")["Markdown"]);
    }
}
