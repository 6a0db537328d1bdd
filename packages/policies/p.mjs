import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
const z='Europe/Amsterdam'
const f = new Intl.DateTimeFormat('en-CA',{timeZone:z,year:'numeric',month:'2-digit',day:'2-digit',hour:'2-digit',minute:'2-digit',hourCycle:'h23',weekday:'short'})
let bad=0
const start=Date.UTC(2026,0,1), end=Date.UTC(2028,0,1)
for (let t=start;t<end;t+=60000*15){
  const zd=new TZDate(t,z)
  const mine=format(zd,'yyyy-MM-dd HH:mm EEE')
  const p=Object.fromEntries(f.formatToParts(new Date(t)).map(x=>[x.type,x.value]))
  const ref=`${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${p.weekday}`
  if(mine!==ref){ if(bad<3) console.log(new Date(t).toISOString(),mine,ref); bad++}
}
console.log(process.env.TZ, 'mismatches', bad)
