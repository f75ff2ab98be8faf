namespace NewsPortal.Core.Seeding;

/// <summary>Starting text for the policy pages; staff replace it with their own through the staff area.</summary>
internal static class DemoPolicies
{
    internal static readonly (string Key, string Title, string Markdown)[] All =
    [
        ("privacy", "Privacy Statement & Cookie Policy", """
            This statement explains what information this site collects when you read it or write to us, and what we do with it.

            ## Cookies

            We use **strictly necessary cookies** to remember your cookie choice, to protect forms against forgery and to keep staff signed in. These are set whatever you choose.

            We use other cookies (such as counting which stories are read) only if you choose **I Agree** in the cookie banner. You can change your choice at any time on the [Cookie settings](/cookie-settings) page.

            ## Messages you send us

            When you leave a message we store your name, email address, subject and message so that our staff can answer you. Messages are deleted after the retention period set by the site, and are never sold or shared with advertisers.

            ## Your rights

            You may ask to see, correct or delete what we hold about you by writing to the contact email shown at the foot of every page.
            """),
        ("terms", "Terms of Use", """
            By using this site you agree to these terms.

            ## Content

            Articles are published for personal, non-commercial reading. You may link to any article and quote short extracts with a credit and a link.

            ## Messages

            Please do not send unlawful, abusive or misleading material through the message form. We may decline to answer messages that break these terms.

            ## Changes

            We may revise these terms. A material revision is announced in the cookie banner, and you will be asked for your choice again.
            """),
        ("about", "About Us", """
            NewsPortal is an English-language city news site covering policy, business, culture, travel, science and sport.

            Our newsroom publishes every day. Corrections are noted at the foot of the article they concern, with the date they were made.
            """),
        ("contact", "Contact Us", """
            The quickest way to reach the newsroom is to [leave a message](/message). We read every message.

            For other enquiries, write to the email address shown at the foot of every page.
            """),
    ];
}
