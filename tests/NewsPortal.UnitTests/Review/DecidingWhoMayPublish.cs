using NewsPortal.Core.Articles;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.Core.Review;
using NewsPortal.Core.Staff;
using NewsPortal.Core.Statistics;

namespace NewsPortal.UnitTests.Review;

public sealed class DecidingWhoMayPublish
{
    private static readonly StaffActor Reporter = new("r1", "reporter@example.org", [StaffRoles.Reporter]);
    private static readonly StaffActor Editor = new("e1", "editor@example.org", [StaffRoles.Editor]);

    [Theory]
    [InlineData(ArticleAction.Publish)]
    [InlineData(ArticleAction.Schedule)]
    [InlineData(ArticleAction.Unpublish)]
    public void A_reporter_is_refused_every_publishing_action(ArticleAction action)
    {
        Assert.Equal(ReviewRules.OnlyEditorsPublish, ReviewRules.RefuseAction(Reporter, action));
        Assert.Null(ReviewRules.RefuseAction(Editor, action));
    }

    [Fact]
    public void A_reporter_sees_only_the_draft_buttons()
    {
        Assert.Equal([ArticleAction.SaveDraft], ReviewRules.AllowedActions(Reporter, ArticleStatus.Draft));
        Assert.Equal([ArticleAction.SaveDraft, ArticleAction.Schedule, ArticleAction.Publish], ReviewRules.AllowedActions(Editor, ArticleStatus.Draft));
    }

    [Theory]
    [InlineData(ArticleStatus.Draft, "r1", true)]
    [InlineData(ArticleStatus.Draft, "someone-else", false)]
    [InlineData(ArticleStatus.Draft, null, false)]
    [InlineData(ArticleStatus.Published, "r1", false)]
    [InlineData(ArticleStatus.Scheduled, "r1", false)]
    public void A_reporter_changes_only_their_own_drafts(ArticleStatus status, string? owner, bool may)
    {
        Assert.Equal(may, ReviewRules.RefuseEditing(Reporter, status, owner) is null);
        Assert.Null(ReviewRules.RefuseEditing(Editor, status, owner));
    }

    [Fact]
    public void A_draft_already_waiting_cannot_be_submitted_again()
    {
        Assert.True(ReviewRules.CanSubmit(null, null));
        Assert.True(ReviewRules.CanSubmit(ArticleStatus.Draft, ReviewState.Returned));
        Assert.False(ReviewRules.CanSubmit(ArticleStatus.Draft, ReviewState.Submitted));
        Assert.False(ReviewRules.CanSubmit(ArticleStatus.Published, ReviewState.Approved));
    }

    [Theory]
    [InlineData("  Ferry   TIMETABLE ", "ferry timetable")]
    [InlineData("重庆 夜市", "重庆 夜市")]
    [InlineData("\tbus\nroute ", "bus route")]
    public void Searches_are_counted_by_their_normalised_text(string typed, string counted) =>
        Assert.Equal(counted, SearchStatistics.Normalise(typed));

    [Fact]
    public void A_very_long_search_is_counted_cut_to_the_limit() =>
        Assert.Equal(SearchStatistics.MaxQueryLength, SearchStatistics.Normalise(new string('a', 500)).Length);
}
