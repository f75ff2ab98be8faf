namespace NewsPortal.Core.Seeding;

/// <summary>Demo stories written for NewsPortal; fictional, for showing a living portal on a new install.</summary>
internal static class DemoArticles
{
    internal sealed record DemoSection(string Name, string Slug, string Description, string[][] Stories);

    // Each story: headline, standfirst, tags (comma-separated), author.
    internal static readonly DemoSection[] Sections =
    [
        new("City", "city", "Life, policy and people across the city's districts.",
        [
            ["Riverside Walkway Reopens After Two-Year Restoration", "The 4-kilometre path along the Jialing River now has lighting, shade trees and step-free access at every entrance.", "riverside,public spaces", "Lin Xiaoyu"],
            ["New Community Canteens Serve Older Residents in Six Districts", "Subsidised lunches and a place to meet: the canteens opened this week after a pilot last spring.", "older residents,community", "Zhou Ming"],
            ["Night Markets Extend Hours for the Summer Season", "Stallholders in Jiefangbei and Nan'an may now trade until 1 a.m. on Fridays and Saturdays.", "night economy,food", "Lin Xiaoyu"],
            ["Hillside Stairways Get Handrails and Resting Benches", "A survey of 300 public stairways found one in three lacked a handrail; work on the first 80 is complete.", "public spaces,accessibility", "Chen Hao"],
            ["City Libraries Add Late Opening and Chinese–English Reading Clubs", "Twelve branches now stay open until 9 p.m., and volunteers run bilingual reading sessions on weekends.", "libraries,community", "Zhou Ming"],
            ["重庆 Residents Asked to Comment on Draft Noise Rules", "The draft sets quieter hours near homes and schools; comments are open for thirty days.", "consultation,noise", "Chen Hao"],
            ["Flood Preparedness Drills Held Along the Yangtze Embankment", "Emergency services rehearsed evacuations in three riverside neighbourhoods ahead of the rainy season.", "riverside,safety", "Lin Xiaoyu"],
        ]),
        new("Business", "business", "Companies, trade and the regional economy.",
        [
            ["Rail Freight to Europe Reaches Record Monthly Volume", "Container trains on the western corridor carried more cargo in October than in any month before.", "trade,rail", "Wang Jie"],
            ["Chengdu–Chongqing Economic Circle Plans Shared Industrial Parks", "The two cities will co-develop parks for electronics and automotive suppliers, officials said.", "chengdu-chongqing,industry", "Wang Jie"],
            ["Local Hotpot Chain Opens First Store Overseas", "The company chose a neighbourhood with a large Sichuanese community for its first restaurant abroad.", "food,companies", "Liu Fang"],
            ["Small Exporters Get Help With Customs Paperwork", "A new service centre in Liangjiang offers free consultations on documentation and tariffs.", "trade,small business", "Wang Jie"],
            ["成渝 Corridor Logistics Hub Breaks Ground", "The hub will connect road, rail and river freight between the two cities.", "chengdu-chongqing,logistics", "Liu Fang"],
            ["Electric Vehicle Makers Expand Battery Recycling", "Three manufacturers opened a shared plant to recover lithium and cobalt from used packs.", "industry,environment", "Wang Jie"],
        ]),
        new("Culture", "culture", "Arts, heritage, food and festivals.",
        [
            ["Sichuan Opera Troupe Brings Face-Changing to Young Audiences", "Weekend matinees with shorter programmes and a backstage tour have sold out for the season.", "opera,heritage", "Huang Li"],
            ["Ancient Town Restores Its Qing Dynasty Guild Hall", "Craftsmen used traditional joinery to repair the roof beams without a single nail.", "heritage,architecture", "Huang Li"],
            ["Photography Exhibition Follows the Three Gorges Over Fifty Years", "More than 200 prints show how the river and its towns have changed.", "exhibitions,riverside", "Sun Yue"],
            ["Food Writers Name the City's Best Noodle Stalls", "Xiaomian, the spicy breakfast noodle, dominates a list chosen by readers and critics.", "food,night economy", "Liu Fang"],
            ["Lantern Festival Programme Announced for the Old Town", "Parades, riddle games and a river lantern release are planned over three evenings.", "festivals,heritage", "Sun Yue"],
            ["Independent Bookshops Find a Following in Converted Air-Raid Shelters", "Cool in summer and quiet all year, the tunnels have become a favourite place to read.", "libraries,architecture", "Huang Li"],
            ["Folk Song Archive Puts Thousands of Recordings Online", "Boatmen's chants from the Yangtze are among the highlights of the digitised collection.", "heritage,music", "Sun Yue"],
        ]),
        new("Travel", "travel", "Where to go, what to see and how to get there.",
        [
            ["A Weekend in the Mountain City: Cable Cars, Stairways and River Views", "A two-day walking route that takes in the best viewpoints without a car.", "weekend,riverside", "Sun Yue"],
            ["Wulong Karst Park Opens a New Cliffside Trail", "The trail adds 3 kilometres of walkway with views over the natural bridges.", "parks,hiking", "Chen Hao"],
            ["Monorail Line Through a Residential Block Draws Visitors", "Line 2's famous station is now a stop on several walking tours.", "transport,weekend", "Lin Xiaoyu"],
            ["Yangtze Cruise Season Starts With Extra Sailings", "Operators added departures to meet demand after a busy spring.", "riverside,cruises", "Sun Yue"],
            ["Hot Springs Town Builds Cycle Path Between Its Resorts", "The 12-kilometre route links five resorts and a wetland park.", "cycling,parks", "Chen Hao"],
            ["Guide: Getting Around the City by Metro, Bus and Ferry", "A practical guide to fares, passes and the routes visitors use most.", "transport,guide", "Zhou Ming"],
        ]),
        new("Science & Tech", "science-tech", "Research, innovation and digital life.",
        [
            ["University Lab Develops Low-Cost Sensor for River Water Quality", "The solar-powered sensor reports turbidity and dissolved oxygen every ten minutes.", "research,environment", "Xu Wen"],
            ["City Pilots Smart Traffic Lights at 40 Junctions", "Signals that adapt to traffic cut average waits in the first month of the trial.", "transport,smart city", "Xu Wen"],
            ["Students Build Robot That Climbs the City's Stairways", "The six-legged robot won a national engineering contest for secondary schools.", "education,robotics", "Xu Wen"],
            ["Data Centre in the Mountains Uses Cave Air for Cooling", "The operator says natural cooling cuts its electricity use by a fifth.", "environment,industry", "Wang Jie"],
            ["Hospitals Link Records So Patients Need Not Carry Paper Files", "Twenty hospitals now share test results with patients' consent.", "health,smart city", "Zhou Ming"],
            ["Researchers Map Biodiversity in the Jinyun Mountains", "Camera traps recorded 38 mammal species, including the elusive Chinese pangolin.", "research,parks", "Xu Wen"],
        ]),
        new("Sport", "sport", "Teams, races and the city at play.",
        [
            ["Mountain City Marathon Draws 30,000 Runners", "The route climbs 400 metres and crosses two river bridges.", "running,events", "Liu Fang"],
            ["Local Football Club Wins Promotion on Final Day", "A late goal sealed second place and a return to the higher division.", "football", "Liu Fang"],
            ["Dragon Boat Races Return to the Jialing River", "Forty crews from across the region competed in the two-day regatta.", "festivals,riverside", "Huang Li"],
            ["Table Tennis Academy Opens Doors to Community Players", "Evening sessions are open to anyone, with coaching for beginners.", "community,table tennis", "Chen Hao"],
            ["Rock Climbing Wall Built Into a Former Factory Chimney", "The 60-metre wall is the tallest indoor climbing route in the region.", "climbing,architecture", "Liu Fang"],
            ["School Sports Day Adds Events for Pupils With Disabilities", "Organisers worked with parents and coaches to design inclusive races.", "education,accessibility", "Zhou Ming"],
        ]),
        new("Opinion", "opinion", "Columns and commentary from our writers.",
        [
            ["Why the City's Stairways Deserve Protection", "They are not just paths but living streets, and they are disappearing.", "public spaces,heritage", "Huang Li"],
            ["The Quiet Success of the Community Canteen", "A small idea that makes a large difference to older residents.", "older residents,community", "Zhou Ming"],
            ["What the Freight Trains Tell Us About the Economy", "Container counts are a better guide than many forecasts.", "trade,rail", "Wang Jie"],
            ["In Praise of the Night Market", "Cities need places that come alive after dark.", "night economy,food", "Lin Xiaoyu"],
            ["Let Children Walk to School", "Safer routes would give pupils independence and cut traffic.", "education,transport", "Chen Hao"],
        ]),
    ];
}
