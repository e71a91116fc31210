"""English and Indonesian news texts written for newstext's keyword tests.

Every text here was written for the project (none is copied from an outlet).
They imitate plain-text news scrapes: a headline line, sometimes a dateline or
a byline, paragraphs separated by blank lines or single line breaks, quotes
with attribution.
"""

EN_NEWS = [
    """Port workers strike over automation plans
By Laura Mendes

OAKPORT - Thousands of dock workers walked off the job on Monday, halting cargo traffic at the Oakport container terminal as talks over automated cranes broke down.

The union said the port authority wants to replace half of the crane operators with remote-controlled machines by 2027. "Automation is not the enemy, but the workers must share in the savings," union president Carla Diaz told reporters outside the terminal gates.

The port authority said in a statement that the new cranes would make the terminal safer and that no worker would lose a job before retirement. Shipping companies warned that a long strike would delay deliveries of holiday goods.

Economists estimate that the port handles about $400 million in cargo every day. The strike is the first at the terminal since 1998.""",
    """City council approves new bike lanes downtown

The city council voted 7-2 on Tuesday to build protected bike lanes on four downtown streets, a plan that cyclists had demanded for years.

The bike lanes will replace about 300 parking spaces, a trade-off that angered some shop owners. "Our customers come by car, and now they will have nowhere to park," said Tom Becker, who runs a hardware store on Main Street.

Supporters said the lanes would reduce traffic deaths. Five cyclists were killed on downtown streets last year, according to police figures.

Construction of the bike lanes is expected to start in the spring and cost about $12 million, most of it paid by a federal grant. The council also asked the transport department to study a new bus line.""",
    """Drought cuts wheat harvest, prices climb
Farmers in the southern plains expect the smallest wheat harvest in two decades after a dry winter and a hot spring.

The agriculture ministry lowered its harvest forecast by 18 percent on Friday. Wheat prices rose 6 percent on the commodity exchange after the report.

"We planted in the fall and we have not had real rain since," said Maria Holt, who farms 2,000 acres near Dalton. "Some fields will not even be worth harvesting."

Bakers and food companies said bread prices could rise later this year. The ministry said it would release wheat from the national reserve if prices keep rising, and farmers asked for emergency loans to cover their losses.""",
    """Hospital opens new cancer center

The regional hospital opened a cancer treatment center on Wednesday, ending long trips to the capital for hundreds of patients each year.

The center has two radiation machines, 40 beds and a team of 12 oncologists. Until now, cancer patients in the region had to travel more than four hours for radiation therapy.

"For a patient who needs treatment five days a week, that drive was exhausting," said Dr. Ahmed Rahman, who leads the new center.

The center cost $85 million and was paid for by the state and a private foundation. Hospital officials said the cancer center would treat its first patients next month and plans to add a children's ward in 2026.""",
    """Tech company fined over data breach
Regulators fined the software company Brightline $30 million on Thursday for a data breach that exposed the personal records of 4 million customers.

The regulator said Brightline had ignored warnings from its own security team for more than a year before hackers stole names, addresses and bank details in 2023.

"Companies that collect personal data have a duty to protect it," the head of the data protection authority, Helen Park, said at a news conference.

Brightline said it would not appeal the fine and had since hired a new security chief. Customers affected by the data breach will be offered free credit monitoring for three years, the company said.""",
    """Flooding forces evacuations along river
Rescue teams evacuated more than 5,000 people from towns along the Severn river on Sunday after three days of heavy rain pushed water levels to record highs.

The river rose above its banks in at least six towns, flooding homes, roads and farmland. Emergency shelters opened in schools and sports halls.

"The water came up so fast that we only had time to grab the children and the dog," said Peter Walsh, a resident of Millford, as he waited at a shelter.

Weather forecasters expect more rain on Tuesday. The regional government declared a state of emergency and asked the army to help with the evacuations and to protect the river defences.""",
    """School meals program expands to all primary schools
All primary school children in the province will receive a free hot lunch from September, the education minister announced on Monday.

The school meals program, which started as a pilot in 40 schools two years ago, will now cover about 350,000 children. The government will spend $210 million a year on the program.

Teachers in the pilot schools reported better attendance and concentration. "Children who eat well learn well, it is as simple as that," said principal Grace Owusu.

Some parents' groups welcomed the plan but asked for more fresh food and less processed food. Local farmers will supply vegetables and fruit to the school kitchens under a new contract.""",
    """Airline cancels flights as pilots strike
Northern Air cancelled more than 400 flights on Friday as pilots began a two-day strike over pay and working hours, leaving tens of thousands of travellers stranded.

The pilots union said its members had not had a real pay rise in five years while the airline reported record profits. The airline said its offer of a 9 percent raise over three years was fair.

"We are sorry for the disruption, but we cannot accept demands that would put the airline at risk," chief executive Mark Olsen said.

Passengers crowded the airport service desks to rebook flights. Consumer groups reminded travellers that they are entitled to compensation for cancelled flights.""",
    """Museum returns ancient statues to Greece
A museum in Vienna returned three ancient marble statues to Greece on Wednesday, ending a dispute that lasted more than 20 years.

The statues, which date from the fifth century BC, were taken from a temple on the island of Naxos in the 19th century and sold to a private collector.

"These statues belong to the people of Greece, and today they finally come home," the Greek culture minister, Eleni Kostas, said at a ceremony in Athens.

The museum director said the return of the statues was the right decision. Greece has asked several other European museums to return ancient objects, including marble statues from the Acropolis.""",
    """Electric car sales double in a year
Sales of electric cars doubled in the first half of the year, as cheaper models and new charging stations drew buyers away from petrol cars, an industry group said on Tuesday.

Electric cars made up 22 percent of new car sales between January and June, up from 11 percent a year earlier, the car makers association said.

"Price was the main obstacle, and that obstacle is falling fast," said analyst Rachel Kim.

The government plans to build 10,000 new charging stations by 2026. Car makers said the shortage of batteries could slow the growth of electric car sales next year.""",
]

ID_NEWS = [
    """Banjir Rendam Ribuan Rumah di Jakarta Utara

JAKARTA, KOMPAS - Banjir merendam ribuan rumah di Jakarta Utara setelah hujan deras mengguyur ibu kota sejak Minggu malam.

Kepala BPBD DKI Jakarta mengatakan, ketinggian air di permukiman warga mencapai satu meter. "Kami sudah mengerahkan perahu karet untuk mengevakuasi warga," kata dia, Senin (6/1/2025).

Menurut BPBD, sebanyak 3.200 warga mengungsi ke masjid dan sekolah terdekat. Pemerintah provinsi menyiapkan dapur umum dan layanan kesehatan bagi pengungsi banjir.

Baca juga: Hujan Deras, Sejumlah Jalan di Jakarta Tergenang

Warga berharap pemerintah segera memperbaiki tanggul yang jebol di tepi Kali Angke. "Setiap tahun banjir datang lagi," ujar Siti, warga Penjaringan.""",
    """Harga Beras Naik, Pedagang Keluhkan Sepinya Pembeli
Harga beras di pasar tradisional terus naik dalam dua pekan terakhir. Pedagang mengeluhkan pembeli yang semakin sepi.

"Biasanya sehari bisa jual satu ton, sekarang paling setengahnya," ujar Ahmad, pedagang beras di Pasar Induk Cipinang.

Kementerian Perdagangan menyebut kenaikan harga beras dipicu oleh mundurnya musim panen. Pemerintah berencana menggelar operasi pasar dan mendatangkan beras impor untuk menekan harga.

Menurut data Badan Pusat Statistik, harga beras medium naik 8 persen dibandingkan bulan lalu. Ekonom menilai operasi pasar harus dilakukan merata agar harga beras kembali stabil.""",
]
