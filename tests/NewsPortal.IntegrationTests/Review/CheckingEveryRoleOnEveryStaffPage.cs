using System.Globalization;
using System.Net;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Messages;
using NewsPortal.Core.Staff;
using NewsPortal.Core.Topics;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Review;

/// <summary>
/// Every role (and someone not signed in) against every staff page and action, through real HTTP on Kestrel: who
/// may, and that everyone else is sent to sign in or refused. Each row gets fresh things to act on.
/// </summary>
public sealed class CheckingEveryRoleOnEveryStaffPage(ReviewPortal portal) : IClassFixture<ReviewPortal>
{
    private const string Anonymous = "Anonymous";
    private const string A = StaffRoles.Admin, E = StaffRoles.Editor, R = StaffRoles.Reporter, M = StaffRoles.Moderator;

    /// <summary>What a row needs: the signed-in account (null when anonymous) and helpers to make targets.</summary>
    public sealed record Caller(HttpClient Client, string? Id, string? Email, ReviewPortal Portal)
    {
        public async Task<int> OwnDraftAsync() => Id is null ? await OthersDraftAsync() : await Portal.DraftAsync(Id, Email!, $"Own draft {Guid.NewGuid():N}");

        public Task<int> OthersDraftAsync() => Portal.DraftAsync("", "nobody", $"Other draft {Guid.NewGuid():N}", submit: true);

        public async Task<int> PublishedAsync() => (await TestArticles.AddAsync(Portal, $"Live {Guid.NewGuid():N}")).Id;

        public Task<int> MessageAsync() => Portal.WithDbAsync(async db =>
        {
            var message = new Message { Reference = MessageReference.New(), Name = "Reader", Email = "reader@example.org", Subject = "Hello", Body = "A message.", ReceivedAt = Portal.Clock.GetUtcNow().UtcDateTime };
            db.Messages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

        public async Task<string> SectionAsync() => (await Newsroom.ArticleForms.SectionIdAsync(Portal)).ToString(CultureInfo.InvariantCulture);

        /// <summary>A hidden section with no articles, which may be moved or deleted.</summary>
        public Task<int> EmptySectionAsync() => Portal.WithDbAsync(async db =>
        {
            var name = $"Empty {Guid.NewGuid():N}";
            var section = new Section { Name = name, Slug = name.ToLowerInvariant().Replace(' ', '-'), IsHidden = true, SortOrder = 900 };
            db.Sections.Add(section);
            await db.SaveChangesAsync();
            return section.Id;
        });

        public Task<int> TagAsync() => Portal.WithDbAsync(async db =>
        {
            var tag = new Tag { Name = $"tag {Guid.NewGuid():N}" };
            tag.Slug = tag.Name.Replace(' ', '-');
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            return tag.Id;
        });

        public Task<int> TopicAsync() => Portal.WithDbAsync(async db =>
        {
            var topic = new Topic { Title = "Topic", Slug = $"topic-{Guid.NewGuid():N}", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Topics.Add(topic);
            await db.SaveChangesAsync();
            return topic.Id;
        });

        /// <summary>A picture in the media library, uploaded through the library page by an editor.</summary>
        public async Task<int> MediaItemAsync()
        {
            var (editor, _, _) = await Portal.SignedInAsync(E);
            return await MediaLibrary.LibraryForms.AddAsync(editor, new(MediaLibrary.MediaSamples.Picture(800, 500), "street.jpg", "image/jpeg"));
        }

        /// <summary>The site-details form as an administrator sees it, sent back unchanged.</summary>
        public async Task<Dictionary<string, string>> SiteDetailsAsync()
        {
            var (admin, _, _) = await Portal.SignedInAsync(A);
            var (_, page) = await Html.GetAsync(admin, "/staff/settings");
            var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#settings-form")!;
            return Html.FormFields(form).Where(f => f.Key.StartsWith("Input.", StringComparison.Ordinal)).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        }
    }

    /// <summary>One staff page or action: the request (GET when there is no form) and the roles that may.</summary>
    private sealed record Row(string Name, string[] Allowed, Func<Caller, Task<(string Url, Dictionary<string, string>? Form)>> Request);

    private static Dictionary<string, string> Article(string section, string command) => new()
    {
        ["Input.Headline"] = $"Permission check {Guid.NewGuid():N}",
        ["Input.Standfirst"] = "A standfirst.",
        ["Input.SectionId"] = section,
        ["Input.Body"] = "A paragraph.",
        ["Command"] = command,
        ["ScheduleAt"] = "2099-01-01T09:00",
    };

    private static readonly Row[] Rows =
    [
        new("dashboard", [A, E, R, M], _ => Get("/staff")),
        new("change password page", [A, E, R, M], _ => Get("/staff/password")),
        new("article list", [A, E, R], _ => Get("/staff/articles")),
        new("new article form", [A, E, R], _ => Get("/staff/articles/edit")),
        new("someone else's draft", [A, E], async c => ($"/staff/articles/edit/{await c.OthersDraftAsync()}", null)),
        new("own draft", [A, E, R], async c => ($"/staff/articles/edit/{await c.OwnDraftAsync()}", null)),
        new("revisions of a published article", [A, E], async c => ($"/staff/articles/{await c.PublishedAsync()}/revisions", null)),
        new("inbox", [A, M], _ => Get("/staff/inbox")),
        new("a message", [A, M], async c => ($"/staff/inbox/{await c.MessageAsync()}", null)),
        new("inbox export", [A, M], _ => Get("/staff/inbox/export")),
        new("policy pages", [A], _ => Get("/staff/policies")),
        new("a policy page", [A], _ => Get("/staff/policies/privacy")),
        new("a policy page's Chinese version", [A], _ => Get("/staff/policies/privacy/chinese")),
        new("staff accounts", [A], _ => Get("/staff/users")),
        new("new account form", [A], _ => Get("/staff/users/new")),
        new("activity log", [A, E], _ => Get("/staff/activity")),
        new("figures export", [A, E], _ => Get("/staff/figures/export")),
        new("save a new draft", [A, E, R], async c => ("/staff/articles/edit", Article(await c.SectionAsync(), "save-draft"))),
        new("submit a new draft", [A, E, R], async c => ("/staff/articles/edit", Article(await c.SectionAsync(), "submit"))),
        new("publish a new article", [A, E], async c => ("/staff/articles/edit", Article(await c.SectionAsync(), "publish"))),
        new("schedule a new article", [A, E], async c => ("/staff/articles/edit", Article(await c.SectionAsync(), "schedule"))),
        new("publish own draft", [A, E], async c => ($"/staff/articles/edit/{await c.OwnDraftAsync()}", Article(await c.SectionAsync(), "publish"))),
        new("edit a published article", [A, E], async c => ($"/staff/articles/edit/{await c.PublishedAsync()}", Article(await c.SectionAsync(), "save"))),
        new("unpublish", [A, E], async c => ($"/staff/articles/edit/{await c.PublishedAsync()}", Article(await c.SectionAsync(), "unpublish"))),
        new("add a correction", [A, E], async c => ($"/staff/articles/edit/{await c.PublishedAsync()}?handler=Correction", new() { ["CorrectionText"] = "A correction." })),
        new("restore a revision", [A, E], async c => ($"/staff/articles/{await c.OthersDraftAsync()}/revisions?handler=Restore", new() { ["number"] = "1" })),
        new("return a draft", [A, E], async c => ($"/staff/articles/{await c.OthersDraftAsync()}/review?handler=Return", new() { ["Comment"] = "Please revise." })),
        new("comment on someone else's draft", [A, E], async c => ($"/staff/articles/{await c.OthersDraftAsync()}/review?handler=Comment", new() { ["Comment"] = "A note." })),
        new("comment on own draft", [A, E, R], async c => ($"/staff/articles/{await c.OwnDraftAsync()}/review?handler=Comment", new() { ["Comment"] = "A note." })),
        new("editing heartbeat on someone else's draft", [A, E], async c => ($"/staff/articles/{await c.OthersDraftAsync()}/editing", new())),
        new("mark a message handled", [A, M], async c => ($"/staff/inbox/{await c.MessageAsync()}?handler=Status", new() { ["status"] = "Handled" })),
        new("add a policy revision", [A], _ => Post("/staff/policies/privacy", new() { ["Input.Markdown"] = "## Privacy\n\nWe keep little.", ["Input.EffectiveAt"] = "2099-01-01T00:00" })),
        new("save a policy page's Chinese version", [A], _ => Post("/staff/policies/privacy/chinese", new() { ["Input.Title"] = "隐私声明", ["Input.Markdown"] = "我们保存的信息很少。" })),
        new("create an account", [A], _ => Post("/staff/users/new", new()
        {
            ["Input.Email"] = $"new-{Guid.NewGuid():N}@newsportal.test", ["Input.DisplayName"] = "New Person", ["Input.Role"] = R, ["Input.Password"] = Infrastructure.Staff.Password,
        })),
        new("site settings", [A], _ => Get("/staff/settings")),
        new("save site settings", [A], async c => ("/staff/settings", await c.SiteDetailsAsync())),
        new("front page", [A, E], _ => Get("/staff/front-page")),
        new("take down the breaking-news strip", [A, E], _ => Post("/staff/front-page?handler=RemoveStrip", new())),
        new("sections", [A, E], _ => Get("/staff/sections")),
        new("new section form", [A, E], _ => Get("/staff/sections/edit")),
        new("create a section", [A, E], _ => Post("/staff/sections/edit", new() { ["Input.Name"] = $"Hidden {Guid.NewGuid():N}"[..30], ["Input.IsHidden"] = "true" })),
        new("move a section", [A, E], async c => ("/staff/sections?handler=Move", new() { ["id"] = $"{await c.EmptySectionAsync()}", ["step"] = "1" })),
        new("delete an empty section", [A, E], async c => ("/staff/sections?handler=Delete", new() { ["id"] = $"{await c.EmptySectionAsync()}" })),
        new("authors", [A, E], _ => Get("/staff/authors")),
        new("new author form", [A, E], _ => Get("/staff/authors/edit")),
        new("create an author", [A, E], _ => Post("/staff/authors/edit", new() { ["Input.Name"] = $"Author {Guid.NewGuid():N}"[..30] })),
        new("tags", [A, E], _ => Get("/staff/tags")),
        new("merge two tags", [A, E], async c => ("/staff/tags?handler=Merge", new() { ["from"] = $"{await c.TagAsync()}", ["into"] = $"{await c.TagAsync()}" })),
        new("topics", [A, E], _ => Get("/staff/topics")),
        new("new topic form", [A, E], _ => Get("/staff/topics/edit")),
        new("create a topic", [A, E], _ => Post("/staff/topics/edit", new() { ["Input.Title"] = $"Topic {Guid.NewGuid():N}"[..30], ["Input.IsOpen"] = "true" })),
        new("delete a topic", [A, E], async c => ("/staff/topics?handler=Delete", new() { ["id"] = $"{await c.TopicAsync()}" })),
        new("media library", [A, E, R], _ => Get("/staff/media")),
        new("a media item", [A, E, R], async c => ($"/staff/media/{await c.MediaItemAsync()}", null)),
        new("describe a media item", [A, E, R], async c => ($"/staff/media/{await c.MediaItemAsync()}", new() { ["Input.AltText"] = "A quiet street.", ["Input.Caption"] = "Morning.", ["Input.Credit"] = "Staff" })),
        new("delete a media item", [A, E], async c => ($"/staff/media/{await c.MediaItemAsync()}?handler=Delete", new())),
        new("change someone's role", [A], async c =>
        {
            var email = await Infrastructure.Staff.CreateAsync(c.Portal, R);
            var id = await c.Portal.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).Id));
            return ("/staff/users?handler=Role", new() { ["userId"] = id, ["role"] = E });
        }),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { Anonymous, A, E, R, M })
        {
            foreach (var row in Rows)
            {
                data.Add(role, row.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_reaches_exactly_the_staff_pages_and_actions_it_may(string role, string rowName)
    {
        var row = Rows.Single(r => r.Name == rowName);
        var caller = await CallerAsync(role);
        var (url, form) = await row.Request(caller);

        HttpResponseMessage response;
        if (form is null)
        {
            response = await caller.Client.GetAsync(url);
        }
        else
        {
            // The token comes from a page anyone may open, so only the role can stop the post.
            var (_, page) = await Html.GetAsync(caller.Client, role == Anonymous ? "/staff/sign-in" : "/staff/password");
            form["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            response = await caller.Client.PostAsync(url, new FormUrlEncodedContent(form));
        }

        var location = response.Headers.Location?.OriginalString ?? "";
        var refused = response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/staff/denied", StringComparison.Ordinal) || location.Contains("/staff/sign-in", StringComparison.Ordinal)));
        var expected = row.Allowed.Contains(role);
        Assert.True(expected != refused, $"{role} / {rowName}: expected {(expected ? "allowed" : "refused")}, got {(int)response.StatusCode} {location}");
        if (expected)
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{role} / {rowName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        else if (role == Anonymous)
        {
            Assert.Contains("/staff/sign-in", location);
        }
    }

    private async Task<Caller> CallerAsync(string role)
    {
        if (role == Anonymous)
        {
            return new Caller(portal.Browser(), null, null, portal);
        }

        var (client, id, email) = await portal.SignedInAsync(role);
        return new Caller(client, id, email, portal);
    }

    private static Task<(string, Dictionary<string, string>?)> Get(string url) => Task.FromResult<(string, Dictionary<string, string>?)>((url, null));

    private static Task<(string, Dictionary<string, string>?)> Post(string url, Dictionary<string, string> form) => Task.FromResult<(string, Dictionary<string, string>?)>((url, form));
}
