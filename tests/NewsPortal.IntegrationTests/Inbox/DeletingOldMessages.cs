using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Messages;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Inbox;

/// <summary>The portal keeping messages for 30 days, sweeping every hour.</summary>
public sealed class ThirtyDayRetentionFactory : PortalFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Messages:RetentionDays", "30"),
        new("Messages:RetentionSweepMinutes", "60"),
    ];
}

public sealed class DeletingOldMessages(ThirtyDayRetentionFactory factory) : IClassFixture<ThirtyDayRetentionFactory>
{
    [Fact]
    public async Task Messages_past_the_retention_period_are_deleted_with_their_notes_and_recent_ones_kept()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var (oldId, recentId) = await factory.WithDbAsync(async db =>
        {
            var old = new Message { Reference = MessageReference.New(), Name = "Old", Email = "old@example.cn", Subject = "Old", Body = "Old", ReceivedAt = now.AddDays(-31) };
            old.Notes.Add(new MessageNote { Author = "staff", Text = "Answered.", CreatedAt = now.AddDays(-30) });
            var recent = new Message { Reference = MessageReference.New(), Name = "Recent", Email = "new@example.cn", Subject = "Recent", Body = "Recent", ReceivedAt = now.AddDays(-29) };
            db.Messages.AddRange(old, recent);
            await db.SaveChangesAsync();
            return (old.Id, recent.Id);
        });

        // Each hour on the portal's clock the sweep runs. After each simulated hour the background service gets
        // up to five real seconds, far more than a sweep takes, so that the bound below is on the portal's
        // clock (the sweep is hourly, not daily) and not on how busy this machine is.
        var deleted = false;
        for (var hour = 0; hour < 40 && !deleted; hour++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(60));
            for (var wait = 0; wait < 100 && !deleted; wait++)
            {
                await Task.Delay(50);
                deleted = !await factory.WithDbAsync(db => db.Messages.AnyAsync(m => m.Id == oldId));
            }
        }

        Assert.True(deleted, "The message received 31 days ago was not deleted");
        Assert.True(await factory.WithDbAsync(db => db.Messages.AnyAsync(m => m.Id == recentId)));
        Assert.False(await factory.WithDbAsync(db => db.MessageNotes.AnyAsync(n => n.MessageId == oldId)));
        Assert.True(factory.Clock.GetUtcNow().UtcDateTime - now < TimeSpan.FromDays(1));
    }

    [Theory]
    [InlineData("Messages:RetentionDays", "0")]
    [InlineData("Messages:RetentionDays", "forever")]
    [InlineData("Messages:RetentionSweepMinutes", "0")]
    [InlineData("Messages:RateLimit:PermitLimit", "0")]
    [InlineData("Consent:CookieDays", "1000")]
    [InlineData("Staff:SignInRateLimit:WindowSeconds", "0")]
    public async Task A_setting_out_of_range_stops_the_portal_at_start(string key, string value)
    {
        await using var broken = new MisconfiguredFactory(key, value);

        var error = Record.Exception(() => broken.CreateClient());

        Assert.NotNull(error);
        Assert.True(error is OptionsValidationException or InvalidOperationException, error.ToString());
    }

    private sealed class MisconfiguredFactory(string key, string value) : PortalFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new(key, value)];
    }
}
