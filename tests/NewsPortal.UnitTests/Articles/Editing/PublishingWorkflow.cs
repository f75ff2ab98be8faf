using NewsPortal.Core.Articles;
using NewsPortal.Core.Articles.Editing;

namespace NewsPortal.UnitTests.Articles.Editing;

public sealed class PublishingWorkflow
{
    private static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Earlier = Now.AddDays(-3);

    private static PublishingState State(ArticleStatus status, DateTime? at = null) => new(status, at);

    [Fact]
    public void A_new_article_saved_plainly_becomes_a_draft_without_a_publish_time()
    {
        var decision = ArticleWorkflow.Decide(null, ArticleAction.Save, null, Now);

        Assert.Equal(State(ArticleStatus.Draft), decision.State);
    }

    [Fact]
    public void Publishing_a_draft_sets_the_publish_time_to_now()
    {
        var decision = ArticleWorkflow.Decide(State(ArticleStatus.Draft), ArticleAction.Publish, null, Now);

        Assert.Equal(State(ArticleStatus.Published, Now), decision.State);
    }

    [Fact]
    public void Scheduling_keeps_the_chosen_future_time()
    {
        var at = Now.AddHours(5);

        var decision = ArticleWorkflow.Decide(State(ArticleStatus.Draft), ArticleAction.Schedule, at, Now);

        Assert.Equal(State(ArticleStatus.Scheduled, at), decision.State);
    }

    [Fact]
    public void Scheduling_needs_a_time_and_refuses_one_that_has_passed()
    {
        Assert.Contains("Choose the date", ArticleWorkflow.Decide(null, ArticleAction.Schedule, null, Now).Error);
        Assert.Contains("already passed", ArticleWorkflow.Decide(null, ArticleAction.Schedule, Now.AddMinutes(-1), Now).Error);
        Assert.Contains("already passed", ArticleWorkflow.Decide(null, ArticleAction.Schedule, Now, Now).Error);
    }

    [Fact]
    public void Publishing_a_scheduled_article_early_publishes_it_now()
    {
        var decision = ArticleWorkflow.Decide(State(ArticleStatus.Scheduled, Now.AddDays(1)), ArticleAction.Publish, null, Now);

        Assert.Equal(State(ArticleStatus.Published, Now), decision.State);
    }

    [Fact]
    public void Unpublishing_keeps_the_original_publish_time_and_only_applies_to_published_articles()
    {
        Assert.Equal(State(ArticleStatus.Unpublished, Earlier), ArticleWorkflow.Decide(State(ArticleStatus.Published, Earlier), ArticleAction.Unpublish, null, Now).State);
        Assert.NotNull(ArticleWorkflow.Decide(State(ArticleStatus.Draft), ArticleAction.Unpublish, null, Now).Error);
        Assert.NotNull(ArticleWorkflow.Decide(State(ArticleStatus.Scheduled, Now.AddDays(1)), ArticleAction.Unpublish, null, Now).Error);
        Assert.NotNull(ArticleWorkflow.Decide(null, ArticleAction.Unpublish, null, Now).Error);
    }

    [Fact]
    public void A_published_article_cannot_be_published_again_scheduled_or_turned_into_a_draft()
    {
        var live = State(ArticleStatus.Published, Earlier);

        Assert.NotNull(ArticleWorkflow.Decide(live, ArticleAction.Publish, null, Now).Error);
        Assert.NotNull(ArticleWorkflow.Decide(live, ArticleAction.Schedule, Now.AddDays(1), Now).Error);
        Assert.NotNull(ArticleWorkflow.Decide(live, ArticleAction.SaveDraft, null, Now).Error);
    }

    [Fact]
    public void Saving_changes_keeps_the_state_and_time_an_article_already_has()
    {
        Assert.Equal(State(ArticleStatus.Published, Earlier), ArticleWorkflow.Decide(State(ArticleStatus.Published, Earlier), ArticleAction.Save, null, Now).State);
        Assert.Equal(State(ArticleStatus.Scheduled, Now.AddDays(1)), ArticleWorkflow.Decide(State(ArticleStatus.Scheduled, Now.AddDays(1)), ArticleAction.Save, null, Now).State);
    }

    [Fact]
    public void Saving_a_scheduled_article_as_a_draft_cancels_the_schedule()
    {
        var decision = ArticleWorkflow.Decide(State(ArticleStatus.Scheduled, Now.AddDays(1)), ArticleAction.SaveDraft, null, Now);

        Assert.Equal(State(ArticleStatus.Draft), decision.State);
    }

    [Fact]
    public void An_unpublished_article_can_be_published_again_at_the_current_time()
    {
        var decision = ArticleWorkflow.Decide(State(ArticleStatus.Unpublished, Earlier), ArticleAction.Publish, null, Now);

        Assert.Equal(State(ArticleStatus.Published, Now), decision.State);
    }

    [Fact]
    public void The_form_offers_only_the_actions_the_rules_allow()
    {
        foreach (var status in new ArticleStatus?[] { null, ArticleStatus.Draft, ArticleStatus.Scheduled, ArticleStatus.Published, ArticleStatus.Unpublished })
        {
            var current = status is { } s ? State(s, s == ArticleStatus.Draft ? null : Earlier) : (PublishingState?)null;
            var offered = ArticleWorkflow.AllowedActions(status);
            Assert.NotEmpty(offered);
            foreach (var action in offered)
            {
                var decision = ArticleWorkflow.Decide(current, action, Now.AddDays(1), Now);
                Assert.True(decision.State is not null, $"{action} is offered for {status?.ToString() ?? "a new article"} but refused: {decision.Error}");
            }
        }

        Assert.DoesNotContain(ArticleAction.Unpublish, ArticleWorkflow.AllowedActions(ArticleStatus.Draft));
        Assert.DoesNotContain(ArticleAction.Publish, ArticleWorkflow.AllowedActions(ArticleStatus.Published));
    }

    [Fact]
    public void A_scheduled_article_is_overdue_once_its_time_has_come()
    {
        Assert.True(ArticleWorkflow.IsOverdue(ArticleStatus.Scheduled, Now.AddSeconds(-1), Now));
        Assert.True(ArticleWorkflow.IsOverdue(ArticleStatus.Scheduled, Now, Now));
        Assert.False(ArticleWorkflow.IsOverdue(ArticleStatus.Scheduled, Now.AddSeconds(1), Now));
        Assert.False(ArticleWorkflow.IsOverdue(ArticleStatus.Published, Now.AddHours(-1), Now));
    }
}
